import { describe, expect, it } from 'vitest';
import { matchesEntityTag } from './conditional';

describe('matchesEntityTag', () => {
  it.each([
    { header: undefined, matches: false },
    { header: '', matches: false },
    { header: 'W/"json-abc"', matches: true },
    { header: '"json-abc"', matches: true },
    { header: '"other", W/"json-abc"', matches: true },
    { header: '*', matches: true },
    { header: 'W/"json-abd"', matches: false },
    { header: 'W/"csv-abc"', matches: false },
  ])('says $matches for If-None-Match $header against W/"json-abc"', ({ header, matches }) => {
    expect(matchesEntityTag(header, 'W/"json-abc"')).toBe(matches);
  });
});
