import { describe, expect, it } from 'vitest';
import { placeIds } from '../../../../functions/survey/questionnaire';
import { areaIds, inPlaceOrder, municipalities, placeMatches } from './places';

describe('the place filter', () => {
  it.each([
    ['Kürnach', 'kür', true],
    ['Kürnach', 'kuer', true],
    ['Kürnach', 'kur', true],
    ['Greußenheim', 'greuss', true],
    ['Frickenhausen am Main', 'am main', true],
    ['Frickenhausen am Main', 'HAUSEN', true],
    ['Ochsenfurt', 'och', true],
    ['Aub', 'ochs', false],
    ['Aub', '', true],
  ])('matches %s for "%s": %s', (name, query, expected) => {
    expect(placeMatches(name, query)).toBe(expected);
  });
});

describe('the places offered', () => {
  it('has the 52 municipalities in alphabetical order and the areas apart', () => {
    expect(municipalities).toHaveLength(52);
    expect(areaIds).toEqual(['whole-county', 'wuerzburg-city', 'online']);
    expect(municipalities.length + areaIds.length).toBe(placeIds.length);
  });

  it('keeps chosen places in the questionnaire’s order', () => {
    expect(inPlaceOrder(['online', 'aub', 'whole-county'])).toEqual(['whole-county', 'aub', 'online']);
  });
});
