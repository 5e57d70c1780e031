import places from '../../../../content/places.json';
import { municipalityIds, placeIds } from '../../../../functions/survey/questionnaire';

/**
 * The places a respondent can choose: the areas (the whole county, the city of Würzburg, online) and
 * the county's municipalities. Municipality and city names are proper names, the same in every language.
 */
export const areaIds = placeIds.filter((id) => !municipalityIds.includes(id));

export interface Municipality {
  id: string;
  name: string;
}

export const municipalities: readonly Municipality[] = [...places.municipalities]
  .map(({ id, name }) => ({ id, name }))
  .sort((a, b) => a.name.localeCompare(b.name, 'de'));

/** The ways a name can be typed: with umlauts, without them (ü → u) and spelled out (ü → ue). */
function searchForms(text: string): string[] {
  const lower = text.toLocaleLowerCase('de').replace(/\s+/g, ' ').trim();
  const spelledOut = lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  const stripped = lower
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/ß/g, 'ss');
  return [...new Set([lower, spelledOut, stripped])];
}

/** Whether a place name matches what was typed into the filter (anywhere in the name, case and umlauts aside). */
export function placeMatches(name: string, query: string): boolean {
  const wanted = searchForms(query);
  if (wanted.every((form) => form === '')) return true;
  const forms = searchForms(name);
  return wanted.some((form) => forms.some((candidate) => candidate.includes(form)));
}

/** Keeps the chosen places in the order of the questionnaire's list. */
export function inPlaceOrder(ids: Iterable<string>): string[] {
  const chosen = new Set(ids);
  return placeIds.filter((id) => chosen.has(id));
}
