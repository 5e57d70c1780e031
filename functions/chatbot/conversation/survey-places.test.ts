import { describe, expect, it } from 'vitest';
import { placesNamed } from './survey-places';

describe('places named in a survey answer', () => {
  it.each([
    ['Ochsenfurt', ['ochsenfurt'], []],
    ['Ochsenfurt, Hoechberg und online', ['ochsenfurt', 'hoechberg', 'online'], []],
    ['Gemeinde Höchberg; Würzburg', ['hoechberg', 'wuerzburg-city'], []],
    ['Вюрцбург та Оксенфурт', ['wuerzburg-city', 'ochsenfurt'], []],
    ['ganzer Landkreis Würzburg', ['whole-county'], []],
    ['Ochsenfurt, Atlantis', ['ochsenfurt'], ['Atlantis']],
  ])('reads "%s"', (text, ids, unknown) => {
    expect(placesNamed(text)).toEqual({ ids, unknown });
  });
});
