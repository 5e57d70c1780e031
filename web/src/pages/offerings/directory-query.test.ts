import { describe, expect, it } from 'vitest';
import { apiPath, directoryHref, emptyQuery, isNarrowed, readDirectoryQuery } from './directory-query';

describe('the directory query in the address', () => {
  it('reads search words, known filters and the offset', () => {
    expect(
      readDirectoryQuery('?q=Deutschkurs&place=ochsenfurt&category=language_courses&language=ar&offset=20'),
    ).toEqual({
      q: 'Deutschkurs',
      place: 'ochsenfurt',
      category: 'language_courses',
      targetGroup: '',
      language: 'ar',
      offset: 20,
    });
  });

  it.each([
    ['an unknown place', '?place=atlantis', { place: '' }],
    ['an unknown category', '?category=magic', { category: '' }],
    ['a negative offset', '?offset=-5', { offset: 0 }],
    ['a fractional offset', '?offset=2.5', { offset: 0 }],
    ['an offset beyond the API limit', '?offset=999999', { offset: 0 }],
  ])('drops %s instead of failing', (_case, search, expected) => {
    expect(readDirectoryQuery(search)).toMatchObject(expected);
  });

  it('writes the same query back and keeps a chosen language', () => {
    const query = readDirectoryQuery('?q=Kurs&targetGroup=women&offset=40');
    expect(directoryHref(query, '?lang=ar&q=old')).toBe(
      '/offerings?q=Kurs&targetGroup=women&offset=40&lang=ar',
    );
    expect(directoryHref(emptyQuery)).toBe('/offerings');
  });

  it('asks the API for one page', () => {
    expect(apiPath({ ...emptyQuery, q: 'Café Treff', offset: 20 })).toBe(
      '/api/offerings?q=Caf%C3%A9+Treff&offset=20&limit=20',
    );
  });

  it('knows whether anything narrows the results', () => {
    expect(isNarrowed(emptyQuery)).toBe(false);
    expect(isNarrowed({ ...emptyQuery, offset: 20 })).toBe(false);
    expect(isNarrowed({ ...emptyQuery, language: 'fa' })).toBe(true);
  });
});
