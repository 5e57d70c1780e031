import { detectAll } from 'tinyld';
import { normalizeForSearch } from '../../offerings/directory';
import { isLanguage, type Language, languageCodes, languages } from '../../shared/i18n/languages';

/** Ways people ask for a language in any language: its own name, its English name, common phrases. */
const switchPhrases: Record<Language, string[]> = {
  de: ['deutsch', 'german', 'almanca', 'немецкий', 'німецька', 'الألمانية', 'آلمانی', 'auf deutsch'],
  en: [
    'english',
    'englisch',
    'ingilizce',
    'английский',
    'англійська',
    'الإنجليزية',
    'انگلیسی',
    'english please',
    'in english',
  ],
  ar: ['العربية', 'عربي', 'arabic', 'arabisch', 'arapça', 'арабский', 'арабська', 'عربی'],
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
  ru: ['русский', 'по-русски', 'по русски', 'russian', 'russisch', 'rusça', 'російська', 'الروسية', 'روسی'],
  fa: ['فارسی', 'farsi', 'persian', 'persisch', 'dari', 'دری', 'farsça', 'персидский', 'перська', 'الفارسية'],
};

const normalizedPhrases = Object.entries(switchPhrases).flatMap(([code, phrases]) =>
  phrases.map((phrase) => ({ code: code as Language, phrase: normalizeForSearch(phrase) })),
);

/**
 * An explicit request for a language ("English please", "Türkçe", "по-русски"): a short message that
 * names a language. Longer messages that merely mention one ("Beratung auf Arabisch") are questions.
 */
export function requestedLanguage(text: string): Language | undefined {
  const normalized = normalizeForSearch(text)
    .replace(/[!?.,;:]+/g, ' ')
    .replace(/\b(please|bitte|lutfen|lütfen|пожалуйста|будь ласка|لطفا|من فضلك)\b/gu, ' ')
    .trim();
  if (normalized.split(/\s+/).length > 3) return undefined;
  const match = normalizedPhrases.find(
    ({ phrase }) => normalized === phrase || normalized.split(/\s+/).includes(phrase),
  );
  return match?.code;
}

/**
 * The language a text is written in, if the identifier is confident enough; restricted to ours. To move
 * away from the conversation's current language it must be surer: a German word in a Turkish question
 * ("Steuerungskreis kimlerden oluşuyor?") should not switch the conversation to German.
 */
export function detectLanguage(text: string, current?: Language): Language | undefined {
  if (text.trim().length < 3) return undefined;
  const [best] = detectAll(text, { only: [...languageCodes] });
  if (!best || !isLanguage(best.lang)) return undefined;
  const needed = current && current !== best.lang ? 0.5 : 0.05;
  return best.accuracy >= needed ? best.lang : undefined;
}

/** From a channel locale such as "tr-TR" or "fa-IR". */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : undefined;
}

export const languageMenu = languages.map((language) => ({ code: language.code, title: language.endonym }));
