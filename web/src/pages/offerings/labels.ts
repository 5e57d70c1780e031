import places from '../../../../content/places.json';
import { directionOf, isLanguage, type TextDirection } from '../../../../functions/shared/i18n/languages';
import type { MessageKey } from '../../../../functions/shared/i18n/messages';
import { placeName } from '../../../../functions/survey/questionnaire';
import type { Translator } from '../../i18n';

/** The option lists of an offering, named by the survey form's keys under `questionnaire.*`. */
const optionGroups = {
  categories: 'offeringCategories',
  targetGroups: 'targetGroups',
  languages: 'offeredLanguages',
  costs: 'costKinds',
  places: 'places',
} as const;

type OptionGroup = keyof typeof optionGroups;

/**
 * The label of a questionnaire option (category, target group, language, cost, place): the survey form
 * and the directory name them alike. The id itself stands in for an option nobody has named yet.
 */
export function optionLabel(t: Translator['t'], group: OptionGroup, id: string): string {
  const key = `questionnaire.${optionGroups[group]}.${id}`;
  const text = t(key as MessageKey);
  return text === key ? id : text;
}

/** A place's name: municipalities and Würzburg by their own name, the whole county and online translated. */
export function placeLabel(t: Translator['t'], id: string): string {
  return placeName(id) ?? optionLabel(t, 'places', id);
}

export interface PlaceGroup {
  label: MessageKey;
  ids: string[];
}

/** The places a filter offers: the county as a whole, its 52 municipalities, Würzburg, online. */
export function placeGroups(): PlaceGroup[] {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'de');
  return [
    { label: 'offerings.placeGroupGeneral', ids: ['whole-county', 'online'] },
    {
      label: 'offerings.placeGroupMunicipalities',
      ids: [...places.municipalities].sort(byName).map((place) => place.id),
    },
    {
      label: 'offerings.placeGroupOutside',
      ids: [...places.outsideCounty].sort(byName).map((place) => place.id),
    },
  ];
}

/** `lang` and `dir` for text written by an institution, which keeps the language it was written in. */
export function textLanguageAttributes(textLanguage: string): { lang: string; dir: TextDirection } {
  return { lang: textLanguage, dir: isLanguage(textLanguage) ? directionOf(textLanguage) : 'ltr' };
}

/**
 * A date in the interface language, always in the Gregorian calendar (Arabic and Persian locales would
 * otherwise show the Islamic or Solar Hijri one) and in the county's time zone. `long`: "25. November
 * 2026"; `dateTime`: "25.11.2026, 09:00"; `compact`: "25.11.26, 09:00" (for tables).
 */
export function formatDate(
  language: string,
  iso: string,
  style: 'long' | 'dateTime' | 'compact' = 'long',
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { dateStyle: 'long' }
      : { dateStyle: style === 'compact' ? 'short' : 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(language, {
    ...options,
    calendar: 'gregory',
    timeZone: 'Europe/Berlin',
  }).format(date);
}
