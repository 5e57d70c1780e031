import places from '../../../content/places.json';
import { type Language, languageCodes } from '../../shared/i18n/languages';
import { messages } from '../../shared/i18n/messages';
import { offeredLanguages, offeringCategories } from '../../survey/questionnaire';
import { isStopWord, normalizeText, tokens } from '../knowledge/text';

export interface OfferingQuery {
  category?: string;
  place?: string;
  offeredLanguage?: string;
}

/** What a question names, and how many of its words none of the word lists explain. */
export interface OfferingReading {
  query: OfferingQuery;
  /** Content words the category, place, language and request words do not explain. */
  unexplained: number;
  /** Content words they explain. */
  explained: number;
}

type Phrase = string[];

const phrases = (list: string): Phrase[] =>
  list
    .split(',')
    .map((word) => tokens(word))
    .filter((words) => words.join('').length > 1);

function wordsOf(key: 'categoryWords' | 'languageWords', language: Language) {
  return messages[language].bot[key] as Record<string, string>;
}

/**
 * When a question names several categories, the more specific topic wins: "Deutschkurs für Frauen" is
 * a language course, "Nachhilfe für Kinder" school support, and "help with" counselling only when
 * nothing else is named.
 */
const categoryPriority = [
  'language_courses',
  'health',
  'housing',
  'work_training',
  'education_school',
  'volunteering_mentoring',
  'children_youth',
  'women',
  'leisure_sport_culture',
  'counselling',
  'other',
];

/** Category words of every language: a Ukrainian question finds the same category as a German one. */
const categoryWords = offeringCategories.flatMap((category) =>
  languageCodes.flatMap((language) =>
    phrases(wordsOf('categoryWords', language)[category] ?? '').map((words) => ({ value: category, words })),
  ),
);

const languageWords = offeredLanguages.flatMap((code) =>
  languageCodes.flatMap((language) =>
    phrases(wordsOf('languageWords', language)[code] ?? '').map((words) => ({ value: code, words })),
  ),
);

/** Words of asking ("suche", "where", "нужен", "دنبال"): part of an offering question, not a topic. */
const requestWords = [
  ...new Set(
    languageCodes.flatMap((language) => phrases(messages[language].bot.offeringRequestWords).flat()),
  ),
];

/** "online" in every language and script: offerings held online are a place of their own. */
const onlineWords = ['online', 'onlain', 'онлайн', 'آنلاین', 'انلاین', 'اونلاین', 'cevrimici', 'internet'];

interface PlaceName {
  value: string;
  words: Phrase;
  skeleton: string;
}

const placeNames: PlaceName[] = [
  ...[...places.municipalities, ...places.outsideCounty].flatMap((place) =>
    [place.name, ...('aliases' in place ? (place.aliases as string[]) : [])].map((name) => ({
      value: place.id,
      words: tokens(name).map(foldUmlautSpelling),
      skeleton: latinSkeleton(tokens(place.name).join('')),
    })),
  ),
  ...onlineWords.map((word) => ({ value: 'online', words: [normalizeText(word)], skeleton: '' })),
];

/** "Hoechberg" and "Höchberg" (folded to "hochberg") are the same word. */
function foldUmlautSpelling(word: string): string {
  return /^[a-z]/.test(word) ? word.replace(/([aou])e/g, '$1') : word;
}

/** Case endings Turkish glues to a place name ("Würzburg'da", "Rottendorfta"), and German "-er". */
const latinPlaceEndings = new Set(
  [
    '',
    'da',
    'de',
    'ta',
    'te',
    'dan',
    'den',
    'tan',
    'ten',
    'daki',
    'deki',
    'taki',
    'teki',
    'a',
    'e',
    'ya',
    'ye',
  ].concat(['in', 'un', 'nin', 'nun', 'er', 's']),
);

const glued = /^(?:وبال|بال|وال|فال|بهال|لل|ال|ب|و|ل)/;

/** A word of the text stands for a word of a list: same word, an inflected form, or a compound part. */
function sameWord(token: string, word: string, inPhrase = false): boolean {
  if (token === word) return true;
  if (word.length < 3) return false;
  // "work" is in "works" and "workers", not in "workshop": short words take only an ending
  if (token.startsWith(word))
    return inPhrase || !/^[a-z]/.test(word) || word.length >= 5 || token.length - word.length <= 3;
  if (/^[\u0600-\u06FF]/.test(token)) {
    // only the text's word carries glued letters; the list word is a word ("بچه" is not "چه")
    const bare = token.replace(glued, '');
    const noArticle = word.replace(/^ال/, '');
    return bare.length >= 3 && (bare === word || bare.startsWith(noArticle));
  }
  // German compounds: "Fußballverein", "Migrationsberatung", "Wohnungssuche"
  if (/^[a-z]/.test(word) && word.length >= 6 && token.includes(word)) return true;
  return oneTypoApart(token, word);
}

/** "Deutschkurz", "Ochsenfurth": long words typed with one letter wrong, missing or extra. */
function oneTypoApart(token: string, word: string, name = false): boolean {
  return (
    word.length >= 7 &&
    Math.abs(token.length - word.length) <= 1 &&
    (name || !word.startsWith(token)) && // a shorter form is another word ("çalışma" is not "çalışmak")
    levenshtein(token, word) <= 1
  );
}

interface Found<T> {
  value: T;
  start: number;
  length: number;
  chars: number;
}

function findPhrases<T>(text: string[], candidates: { value: T; words: Phrase }[]): Found<T>[] {
  const found: Found<T>[] = [];
  for (const candidate of candidates) {
    const size = candidate.words.length;
    for (let start = 0; start + size <= text.length; start += 1) {
      if (candidate.words.every((word, offset) => sameWord(text[start + offset] ?? '', word, size > 1))) {
        found.push({ value: candidate.value, start, length: size, chars: candidate.words.join('').length });
        break;
      }
    }
  }
  return found.sort((a, b) => b.chars - a.chars);
}

function findPlace(text: string[]): Found<string> | undefined {
  const folded = text.map(foldUmlautSpelling);
  const found: Found<string>[] = [];
  for (const place of placeNames) {
    const size = place.words.length;
    for (let start = 0; start + size <= folded.length; start += 1) {
      const fits = place.words.every((word, offset) => {
        const token = folded[start + offset] ?? '';
        if (token === word || oneTypoApart(token, word, true)) return true;
        if (offset < size - 1 || !token.startsWith(word) || word.length < 3) return false;
        const ending = token.slice(word.length);
        return /^[a-z]/.test(word) ? latinPlaceEndings.has(ending) : ending.length <= 3;
      });
      if (fits) found.push({ value: place.value, start, length: size, chars: place.words.join('').length });
    }
  }
  const best = found.sort((a, b) => b.chars - a.chars)[0];
  return best ?? findPlaceBySound(text);
}

/**
 * Place names written in Cyrillic or Arabic script in any inflection ("в Айбельштадте", "تو هوخبرگ")
 * compared by their consonants: each letter mapped to a coarse sound class in both scripts and in the
 * German name, vowels dropped, so transliteration variants and case endings barely matter.
 */
function findPlaceBySound(text: string[]): Found<string> | undefined {
  let best: (Found<string> & { distance: number }) | undefined;
  for (const place of placeNames) {
    if (place.skeleton.length < 4) continue;
    // as many words as the name has ("Zell am Main"), so that neighbouring words never add up to a place
    const size = place.words.length;
    const allowed = place.skeleton.length >= 6 ? 1 : 0;
    for (let start = 0; start + size <= text.length; start += 1) {
      const window = text.slice(start, start + size);
      if (window.some((token) => /^[a-z0-9]/.test(token) || isStopWord(token))) continue;
      const heard = foreignSkeleton(window.join(''));
      if (heard[0] !== place.skeleton[0]) continue;
      const distance = Math.min(
        ...[0, 1, 2].map((extra) =>
          levenshtein(heard.slice(0, place.skeleton.length + extra), place.skeleton),
        ),
      );
      if (
        distance <= allowed &&
        (!best ||
          distance < best.distance ||
          (distance === best.distance && place.skeleton.length > best.chars))
      )
        best = { value: place.value, start, length: size, chars: place.skeleton.length, distance };
    }
  }
  return best;
}

function collapse(skeleton: string): string {
  return skeleton.replace(/(.)\1+/g, '$1');
}

function latinSkeleton(word: string): string {
  return collapse(
    word
      .replace(/tsch/g, 'C')
      .replace(/sch/g, 'S')
      .replace(/ch/g, 'H')
      .replace(/ck/g, 'K')
      .replace(/t?z/g, 'C')
      .replace(/ph/g, 'F')
      .replace(/qu/g, 'KF')
      .replace(/x/g, 'KS')
      .replace(/c/g, 'K')
      .replace(/[wvf]/g, 'F')
      .replace(/[gh]/g, 'H')
      .replace(/[aeiouyj]/g, '')
      .replace(/C/g, 'TS')
      .toUpperCase(),
  );
}

const foreignSounds: Record<string, string> = {
  б: 'B',
  в: 'F',
  г: 'H',
  д: 'D',
  ж: 'S',
  з: 'S',
  к: 'K',
  л: 'L',
  м: 'M',
  н: 'N',
  п: 'P',
  р: 'R',
  с: 'S',
  т: 'T',
  ф: 'F',
  х: 'H',
  ц: 'TS',
  ч: 'TS',
  ш: 'S',
  щ: 'S',
  ب: 'B',
  پ: 'P',
  ت: 'T',
  ث: 'S',
  ج: 'H',
  چ: 'TS',
  ح: 'H',
  خ: 'H',
  د: 'D',
  ذ: 'S',
  ر: 'R',
  ز: 'S',
  ژ: 'S',
  س: 'S',
  ش: 'S',
  ص: 'S',
  ض: 'D',
  ط: 'T',
  ظ: 'S',
  غ: 'H',
  ف: 'F',
  ق: 'K',
  ک: 'K',
  گ: 'H',
  ل: 'L',
  م: 'M',
  ن: 'N',
  ه: 'H',
};

function foreignSkeleton(word: string): string {
  // Persian plurals ("خبرها", news) are words, not places
  // Ukrainian turns a final г into з in the locative ("у Хехберзі", "у Вюрцбурзі")
  const letters = word
    .replace(/(?:های|ها)$/, '')
    .replace(/ه$/, '')
    .replace(/зи$/, 'ги');
  return collapse([...letters].map((letter) => foreignSounds[letter] ?? '').join(''));
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function overlaps(a: { start: number; length: number }, b: { start: number; length: number }): boolean {
  return a.start < b.start + b.length && b.start < a.start + a.length;
}

/** Reads topic, place and language from a resident's question, and how much of it they explain. */
export function readOfferingQuestion(text: string): OfferingReading {
  const words = tokens(text);
  const query: OfferingQuery = {};
  const covered = new Set<number>();
  const cover = (found: { start: number; length: number }) => {
    for (let index = found.start; index < found.start + found.length; index += 1) covered.add(index);
  };
  const categories = findPhrases(words, categoryWords);
  for (const found of categories) cover(found);
  // Where two words overlap, the longer one is meant: "Hausaufgabenhilfe" is not "Hausaufgaben".
  const specific = categories.filter(
    (found) => !categories.some((other) => other.chars > found.chars && overlaps(other, found)),
  );
  const category = specific.sort(
    (a, b) => categoryPriority.indexOf(a.value) - categoryPriority.indexOf(b.value) || b.chars - a.chars,
  )[0];
  if (category) query.category = category.value;
  const place = findPlace(words);
  if (place) {
    query.place = place.value;
    cover(place);
  }
  const [language] = findPhrases(words, languageWords);
  if (language) cover(language);
  // "Deutschkurs" names German as the topic, not as the course language asked for.
  if (language && !(language.value === 'de' && query.category === 'language_courses'))
    query.offeredLanguage = language.value;
  let explained = 0;
  let unexplained = 0;
  words.forEach((word, index) => {
    if (covered.has(index)) explained += 1;
    else if (
      word.length > 2 &&
      !/\d/.test(word) &&
      !isStopWord(word) &&
      !requestWords.some((request) => sameWord(word, request))
    )
      unexplained += 1;
  });
  return { query, explained, unexplained };
}

/** Reads topic, place and language from a resident's question, in any supported language or script. */
export function parseOfferingQuery(text: string): OfferingQuery {
  return readOfferingQuestion(text).query;
}

export function isOfferingQuery(query: OfferingQuery): boolean {
  return query.category !== undefined || query.place !== undefined || query.offeredLanguage !== undefined;
}
