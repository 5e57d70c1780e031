import places from '../../../content/places.json';
import { normalizeForSearch } from '../../offerings/directory';
import { languageCodes } from '../../shared/i18n/languages';
import { messages } from '../../shared/i18n/messages';
import { offeredLanguages, offeringCategories } from '../../survey/questionnaire';

export interface OfferingQuery {
  category?: string;
  place?: string;
  offeredLanguage?: string;
}

const splitList = (list: string) =>
  list
    .split(',')
    .map((word) => normalizeForSearch(word.trim()))
    .filter((word) => word.length > 1);

/** Category words of every language: a Ukrainian question finds the same category as a German one. */
const categoryWords = offeringCategories.flatMap((category) =>
  languageCodes.flatMap((language) =>
    splitList((messages[language].bot.categoryWords as Record<string, string>)[category] ?? '').map(
      (word) => ({
        category,
        word,
      }),
    ),
  ),
);

const languageWords = offeredLanguages.flatMap((code) =>
  languageCodes.flatMap((language) =>
    splitList((messages[language].bot.languageWords as Record<string, string>)[code] ?? '').map((word) => ({
      code,
      word,
    })),
  ),
);

const placeWords = [...places.municipalities, ...places.outsideCounty].flatMap((place) =>
  [place.name, ...('aliases' in place ? (place.aliases as string[]) : [])].map((name) => ({
    id: place.id,
    word: normalizeForSearch(name),
  })),
);

function longestMatch<T extends { word: string }>(text: string, candidates: T[]): T | undefined {
  return candidates
    .filter((candidate) => text.includes(candidate.word))
    .sort((a, b) => b.word.length - a.word.length)[0];
}

/** Reads topic, place and language from a resident's question, in any supported language or script. */
export function parseOfferingQuery(text: string): OfferingQuery {
  const normalized = ` ${normalizeForSearch(text)} `;
  const query: OfferingQuery = {};
  const category = longestMatch(normalized, categoryWords);
  if (category) query.category = category.category;
  const place = longestMatch(normalized, placeWords);
  if (place) query.place = place.id;
  const language = longestMatch(normalized, languageWords);
  // "Deutschkurs" names German as the topic, not as the course language asked for.
  if (language && !(language.code === 'de' && query.category === 'language_courses'))
    query.offeredLanguage = language.code;
  return query;
}

export function isOfferingQuery(query: OfferingQuery): boolean {
  return query.category !== undefined || query.place !== undefined || query.offeredLanguage !== undefined;
}
