import { describe, expect, it } from 'vitest';
import { berlinLocalToIso } from './berlin-time';

describe('Berlin wall-clock time to ISO with offset', () => {
  it.each([
    ['winter time', '2026-12-01T09:00', '2026-12-01T09:00:00+01:00'],
    ['summer time', '2026-07-01T18:30', '2026-07-01T18:30:00+02:00'],
    ['seconds from the input', '2026-01-15T00:00:30', '2026-01-15T00:00:30+01:00'],
    ['the evening before summer time starts', '2026-03-28T23:00', '2026-03-28T23:00:00+01:00'],
    ['the first hour of summer time', '2026-03-29T03:30', '2026-03-29T03:30:00+02:00'],
    ['the skipped hour in March', '2026-03-29T02:30', '2026-03-29T02:30:00+02:00'],
    ['the doubled hour in October, meant as summer time', '2026-10-25T02:30', '2026-10-25T02:30:00+02:00'],
    ['the first hour of winter time', '2026-10-25T03:30', '2026-10-25T03:30:00+01:00'],
  ])('converts %s', (_case, local, iso) => {
    expect(berlinLocalToIso(local)).toBe(iso);
  });

  it('denotes the instant the office clock shows', () => {
    expect(new Date(berlinLocalToIso('2026-12-01T09:00') ?? '').toISOString()).toBe(
      '2026-12-01T08:00:00.000Z',
    );
  });

  it.each(['', '2026-12-01', '2026-02-30T10:00', '2026-12-01T24:00', 'tomorrow'])('refuses %j', (value) => {
    expect(berlinLocalToIso(value)).toBeUndefined();
  });
});
