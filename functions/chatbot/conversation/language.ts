import { detectAll } from 'tinyld';
import places from '../../../content/places.json';
import { normalizeForSearch } from '../../offerings/directory';
import { isLanguage, type Language, languageCodes, languages } from '../../shared/i18n/languages';

/** Ways people ask for a language in any language: its own name, its English name, common phrases. */
const switchPhrases: Record<Language, string[]> = {
  de: [
    'deutsch',
    'german',
    'almanca',
    'немецкий',
    'по-немецки',
    'німецька',
    'німецькою',
    'الألمانية',
    'آلمانی',
    'auf deutsch',
  ],
  en: [
    'english',
    'englisch',
    'ingilizce',
    'английский',
    'англійська',
    'الإنجليزية',
    'انگلیسی',
    'по-английски',
    'англійською',
  ],
  ar: [
    'العربية',
    'عربي',
    'بالعربي',
    'بالعربية',
    'arabic',
    'arabisch',
    'arapça',
    'арабский',
    'арабська',
    'عربی',
  ],
  tr: ['türkçe', 'turkce', 'turkish', 'türkisch', 'турецкий', 'турецька', 'التركية', 'ترکی'],
  uk: [
    'українська',
    'українською',
    'ukrainian',
    'ukrainisch',
    'ukraynaca',
    'украинский',
    'الأوكرانية',
    'اوکراینی',
  ],
  ru: [
    'русский',
    'по-русски',
    'по русски',
    'на русском',
    'russian',
    'russisch',
    'rusça',
    'російська',
    'російською',
    'الروسية',
    'روسی',
  ],
  fa: ['فارسی', 'farsi', 'persian', 'persisch', 'dari', 'دری', 'farsça', 'персидский', 'перська', 'الفارسية'],
};

const normalizedPhrases = Object.entries(switchPhrases).flatMap(([code, phrases]) =>
  phrases.map((phrase) => ({ code: code as Language, phrase: normalizeForSearch(phrase) })),
);

/** Words that may stand around a language's name in a request for it: "please", "in", "speak", "auf". */
const requestFillers = new Set(
  [
    'bitte auf in sprache sprechen sprich antworte antworten mir mit uns wir weiter wechseln zu ich möchte',
    'please pls in speak language switch to answer reply me can we you continue change i want prefer',
    'lütfen lutfen dilinde dil konuş konus konuşalım konusalim konuşun devam ile olarak cevap ver istiyorum',
    'пожалуйста будь ласка на по языке язык мовою мова мові говорите говори говорить розмовляти давай',
    'давайте можно можна отвечай відповідай перейти перейдіть продовжимо хочу я',
    'من فضلك لو سمحت باللغة اللغة لغة تكلم تحدث احكي بدي اريد',
    'لطفا لطفاً به زبان صحبت کن کنید بزن بنویس جواب بده میخوام',
  ]
    .join(' ')
    .split(' ')
    .map(normalizeForSearch),
);

const phrasesLongestFirst = [...normalizedPhrases].sort((a, b) => b.phrase.length - a.phrase.length);

/**
 * An explicit request for a language ("English please", "Türkçe", "по-русски"): a message that names a
 * language and says nothing else but "please", "in", "speak" and the like. Messages that merely
 * mention one ("Beratung auf Arabisch", "Almanca kursu") are questions.
 */
export function requestedLanguage(text: string): Language | undefined {
  const normalized = ` ${normalizeForSearch(text)
    .replace(/[!?.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
  for (const { code, phrase } of phrasesLongestFirst) {
    const at = normalized.indexOf(` ${phrase} `);
    if (at < 0) continue;
    const rest = `${normalized.slice(0, at)} ${normalized.slice(at + phrase.length + 2)}`
      .split(' ')
      .filter(Boolean);
    if (rest.every((word) => requestFillers.has(word))) return code;
  }
  return undefined;
}

/**
 * The language a text is written in, if the identifier is confident enough; restricted to ours. To move
 * away from the conversation's current language it must be surer: a German word in a Turkish question
 * ("Steuerungskreis kimlerden oluşuyor?") should not switch the conversation to German.
 */
export function detectLanguage(text: string, current?: Language): Language | undefined {
  const own = withoutGermanNames(text);
  if (own.trim().length < 3) return undefined;
  const [best] = detectAll(own, { only: [...languageCodes] });
  if (!best || !isLanguage(best.lang)) return undefined;
  const needed = current && current !== best.lang ? 0.5 : 0.05;
  return best.accuracy >= needed ? best.lang : undefined;
}

/**
 * German names residents use whatever their language: places ("Ochsenfurt'ta", "in Würzburg") and the
 * county's own terms. They say nothing about the language of the message around them, yet they make a
 * language identifier call "German course in Ochsenfurt" German.
 */
const germanNames = [
  ...[...places.municipalities, ...places.outsideCounty].flatMap((place) =>
    place.name.split(/\s+/).filter((word) => word.length >= 4),
  ),
  'Landratsamt',
  'Landkreis',
  'Steuerungskreis',
  'Integrationskonzept',
  'Wegweiser',
  'Jobcenter',
  'Ausländerbehörde',
  'Gemeinde',
  'Umfrage',
  'Workshop',
].map((name) => normalizeForSearch(name));

function withoutGermanNames(text: string): string {
  return text
    .split(/\s+/)
    .filter((word) => {
      const normalized = normalizeForSearch(word).replace(/[^\p{L}]/gu, '');
      return !germanNames.some((name) => normalized.startsWith(name));
    })
    .join(' ');
}

/** From a channel locale such as "tr-TR" or "fa-IR". */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : undefined;
}

export const languageMenu = languages.map((language) => ({ code: language.code, title: language.endonym }));
