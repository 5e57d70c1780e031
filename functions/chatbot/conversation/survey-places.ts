import places from '../../../content/places.json';
import { normalizeForSearch } from '../../offerings/directory';
import { languageCodes } from '../../shared/i18n/languages';
import { translate } from '../../shared/i18n/messages';

/** Umlauts typed out (Hoechberg), left off (Hochberg) or written (Höchberg) compare the same. */
function comparable(text: string): string {
  return normalizeForSearch(text.replace(/ß/g, 'ss'))
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/[.!?"„“”'()]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const areaNames = (['whole-county', 'online'] as const).flatMap((id) =>
  languageCodes.flatMap((language) => [
    { id, name: comparable(translate(language, `questionnaire.places.${id}`)) },
    {
      id,
      name: comparable(
        translate(language, id === 'online' ? 'surveyMail.placeOnline' : 'surveyMail.placeWholeCounty'),
      ),
    },
  ]),
);

/** Every way a place is named: the official name and its spellings in other scripts and cases. */
const placeNames = [
  ...areaNames,
  ...[...places.municipalities, ...places.outsideCounty].flatMap((place) =>
    [place.name, ...('aliases' in place ? (place.aliases as string[]) : [])].map((name) => ({
      id: place.id,
      name: comparable(name),
    })),
  ),
];

/**
 * The places named in a message ("Ochsenfurt, Höchberg und online"): each part separated by commas,
 * "und"/"and" or new lines must be one place's name; parts that are none are returned as unknown.
 */
export function placesNamed(text: string): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  const parts = text
    .split(/[,;\n]|\s+(?:und|and|ve|и|і|та|و)\s+/u)
    .map((part) => part.trim())
    .filter(Boolean);
  for (const part of parts) {
    const wanted = comparable(part);
    const exact = placeNames.find((place) => place.name === wanted);
    // "Gemeinde Höchberg", "in Ochsenfurt": the longest name inside the part.
    const inside = placeNames
      .filter((place) => place.name.length > 2 && ` ${wanted} `.includes(` ${place.name} `))
      .sort((a, b) => b.name.length - a.name.length)[0];
    const found = exact ?? inside;
    if (found) {
      if (!ids.includes(found.id)) ids.push(found.id);
    } else unknown.push(part);
  }
  return { ids, unknown };
}
