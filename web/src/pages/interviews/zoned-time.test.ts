import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayKeyOf,
  formatDay,
  formatSlot,
  formatTime,
  formatTimeRange,
  groupByDay,
  isoWithOffset,
  offsetLabel,
  weekOf,
  weekStartOf,
  weekToOpen,
  zonedLocalToIso,
} from './zoned-time';

describe('wall-clock time in a time zone to ISO with offset', () => {
  it.each([
    ['Berlin in winter', '2026-12-01T09:00', 'Europe/Berlin', '2026-12-01T09:00:00+01:00'],
    ['Berlin in summer', '2026-07-01T18:30', 'Europe/Berlin', '2026-07-01T18:30:00+02:00'],
    ['the hour Berlin skips in March', '2026-03-29T02:30', 'Europe/Berlin', '2026-03-29T02:30:00+02:00'],
    [
      'the hour Berlin has twice in October',
      '2026-10-25T02:30',
      'Europe/Berlin',
      '2026-10-25T02:30:00+02:00',
    ],
    ['Tehran (half-hour offset)', '2026-12-01T09:00', 'Asia/Tehran', '2026-12-01T09:00:00+03:30'],
    ['New York in winter', '2026-12-01T09:00', 'America/New_York', '2026-12-01T09:00:00-05:00'],
    ['UTC', '2026-12-01T09:00', 'UTC', '2026-12-01T09:00:00+00:00'],
  ])('converts %s', (_case, local, zone, iso) => {
    expect(zonedLocalToIso(local, zone)).toBe(iso);
  });

  it.each(['', '2026-12-01', '2026-02-30T10:00', '2026-12-01T24:00'])('refuses %j', (value) => {
    expect(zonedLocalToIso(value, 'Europe/Berlin')).toBeUndefined();
  });

  it('writes an instant as the zone shows it, with the offset of that moment', () => {
    expect(isoWithOffset(Date.parse('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toBe(
      '2026-03-29T01:30:00+01:00',
    );
    expect(isoWithOffset(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toBe(
      '2026-03-29T03:30:00+02:00',
    );
    // Both instants of the doubled hour keep apart by their offsets.
    expect(isoWithOffset(Date.parse('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe(
      '2026-10-25T02:30:00+02:00',
    );
    expect(isoWithOffset(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe(
      '2026-10-25T02:30:00+01:00',
    );
  });
});

describe('formatting pins the Gregorian calendar and Latin digits', () => {
  const start = '2026-12-01T08:00:00.000Z';
  const end = '2026-12-01T09:00:00.000Z';

  it('shows Berlin time by default and the expert’s own zone when chosen', () => {
    expect(formatTime('de', start, 'Europe/Berlin')).toBe('09:00');
    expect(formatTime('de', start, 'Europe/Istanbul')).toBe('11:00');
    expect(formatTime('de', start, 'Asia/Tehran')).toBe('11:30');
  });

  it.each(['ar', 'fa'])('keeps the Gregorian date and Latin digits in %s', (language) => {
    const day = formatDay(language, start, 'Europe/Berlin');
    expect(day).toMatch(/2026/);
    expect(day).toMatch(/\b1\b/);
    expect(day).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/); // no Arabic-Indic or Persian digits
    expect(formatTimeRange(language, start, end, 'Europe/Berlin')).toMatch(/9|09/);
  });

  it('names the day in the interface language', () => {
    expect(formatDay('en', start, 'Europe/Berlin')).toBe('Tuesday, December 1, 2026');
    expect(formatDay('de', start, 'Europe/Berlin')).toBe('Dienstag, 1. Dezember 2026');
    expect(formatSlot('de', start, end, 'Europe/Berlin')).toBe('Dienstag, 1. Dezember 2026, 09:00–10:00 Uhr');
  });

  it('labels a zone with its offset at that moment', () => {
    expect(offsetLabel('Europe/Berlin', Date.parse(start))).toBe('UTC+01:00');
    expect(offsetLabel('Europe/Berlin', Date.parse('2026-07-01T08:00:00Z'))).toBe('UTC+02:00');
    expect(offsetLabel('UTC', Date.parse(start))).toBe('UTC');
  });
});

describe('days and weeks', () => {
  it('takes the day an instant falls on in the reader’s zone', () => {
    const lateInBerlin = '2026-12-01T22:30:00.000Z'; // 23:30 in Berlin, 07:30 next day in Tokyo
    expect(dayKeyOf(lateInBerlin, 'Europe/Berlin')).toBe('2026-12-01');
    expect(dayKeyOf(lateInBerlin, 'Asia/Tokyo')).toBe('2026-12-02');
  });

  it('starts weeks on Monday, across months and years', () => {
    expect(weekStartOf('2026-12-03')).toBe('2026-11-30');
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30');
    expect(weekStartOf('2027-01-03')).toBe('2026-12-28');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
  });

  it('groups items by day in start order', () => {
    const items = [
      { id: 'c', startsAt: '2026-12-02T09:00:00.000Z' },
      { id: 'b', startsAt: '2026-12-01T10:00:00.000Z' },
      { id: 'a', startsAt: '2026-12-01T08:00:00.000Z' },
    ];
    const groups = groupByDay(items, (item) => item.startsAt, 'Europe/Berlin');
    expect(groups.map((group) => [group.day, group.items.map((item) => item.id)])).toEqual([
      ['2026-12-01', ['a', 'b']],
      ['2026-12-02', ['c']],
    ]);
  });

  it('lays a week out as seven days, empty ones included', () => {
    const items = [
      { startsAt: '2026-12-01T08:00:00.000Z' },
      { startsAt: '2026-12-06T08:00:00.000Z' },
      { startsAt: '2026-12-08T08:00:00.000Z' }, // next week
    ];
    const week = weekOf(items, (item) => item.startsAt, '2026-11-30', 'Europe/Berlin');
    expect(week.map((day) => [day.day, day.items.length])).toEqual([
      ['2026-11-30', 0],
      ['2026-12-01', 1],
      ['2026-12-02', 0],
      ['2026-12-03', 0],
      ['2026-12-04', 0],
      ['2026-12-05', 0],
      ['2026-12-06', 1],
    ]);
  });

  it('opens the calendar on the week of the next start, else the last, else this week', () => {
    const starts = ['2026-12-15T08:00:00.000Z', '2026-11-03T08:00:00.000Z', '2027-01-05T08:00:00.000Z'];
    const now = Date.parse('2026-12-10T12:00:00Z');
    expect(weekToOpen(starts, now, 'Europe/Berlin')).toBe('2026-12-14');
    expect(weekToOpen(starts, Date.parse('2027-02-01T00:00:00Z'), 'Europe/Berlin')).toBe('2027-01-04');
    expect(weekToOpen([], now, 'Europe/Berlin')).toBe('2026-12-07');
    // Sunday 23:30 in Berlin is already Monday in Tokyo: the week follows the reader's zone.
    expect(weekToOpen(['2026-12-13T22:30:00.000Z'], now, 'Europe/Berlin')).toBe('2026-12-07');
    expect(weekToOpen(['2026-12-13T22:30:00.000Z'], now, 'Asia/Tokyo')).toBe('2026-12-14');
  });
});
