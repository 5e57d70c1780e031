import { describe, expect, it } from 'vitest';
import { lockUnits, planSlots, slotIdOf, startOfSlotId } from './slots';

const berlin = 'Europe/Berlin';

describe('planning slots in Berlin time', () => {
  it('turns "Tuesdays 9–12, 60-minute slots" into three slots a Tuesday, stored as UTC instants', () => {
    const slots = planSlots(
      {
        kind: 'recurring',
        weekdays: [2],
        fromDate: '2026-03-09',
        untilDate: '2026-03-15',
        dayStart: '09:00',
        dayEnd: '12:00',
        timeZone: berlin,
      },
      60,
    ).slots;
    expect(slots.map((slot) => slot.startsAt)).toEqual([
      '2026-03-10T08:00:00.000Z',
      '2026-03-10T09:00:00.000Z',
      '2026-03-10T10:00:00.000Z',
    ]);
    expect(slots[2]?.endsAt).toBe('2026-03-10T11:00:00.000Z');
  });

  it.each([
    // Clocks go forward on Sunday 29 March 2026, back on Sunday 25 October 2026.
    ['before spring forward (CET, UTC+1)', '2026-03-24', '2026-03-24T08:00:00.000Z'],
    ['after spring forward (CEST, UTC+2)', '2026-03-31', '2026-03-31T07:00:00.000Z'],
    ['before fall back (CEST, UTC+2)', '2026-10-20', '2026-10-20T07:00:00.000Z'],
    ['after fall back (CET, UTC+1)', '2026-10-27', '2026-10-27T08:00:00.000Z'],
  ])('keeps 09:00 Berlin wall-clock time %s', (_label, date, utc) => {
    const [slot] = planSlots(
      {
        kind: 'recurring',
        weekdays: [2],
        fromDate: date,
        untilDate: date,
        dayStart: '09:00',
        dayEnd: '10:00',
        timeZone: berlin,
      },
      60,
    ).slots;
    expect(slot?.startsAt).toBe(utc);
  });

  it('keeps the wall-clock time for a series that spans the spring change', () => {
    const slots = planSlots(
      {
        kind: 'recurring',
        weekdays: [2],
        fromDate: '2026-03-20',
        untilDate: '2026-04-05',
        dayStart: '09:00',
        dayEnd: '10:00',
        timeZone: berlin,
      },
      60,
    ).slots;
    expect(slots.map((slot) => slot.startsAt)).toEqual([
      '2026-03-24T08:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
    ]);
  });

  it('refuses a single slot at a time that does not exist (the skipped hour)', () => {
    expect(
      () => planSlots({ kind: 'single', date: '2026-03-29', start: '02:30', timeZone: berlin }, 30).slots,
    ).toThrow(expect.objectContaining({ code: 'validation' }));
  });

  it('lasts its duration in elapsed time across the autumn change at night', () => {
    const [slot] = planSlots(
      { kind: 'single', date: '2026-10-25', start: '01:30', timeZone: berlin },
      90,
    ).slots;
    expect(Date.parse(slot?.endsAt ?? '') - Date.parse(slot?.startsAt ?? '')).toBe(90 * 60_000);
  });

  it('plans in another time zone when asked', () => {
    const [slot] = planSlots(
      { kind: 'single', date: '2026-03-10', start: '09:00', timeZone: 'Europe/Istanbul' },
      30,
    ).slots;
    expect(slot?.startsAt).toBe('2026-03-10T06:00:00.000Z');
  });

  it('names a slot by its UTC start and reads the start back', () => {
    expect(slotIdOf('2026-03-10T08:00:00.000Z')).toBe('20260310T080000Z');
    expect(startOfSlotId('20260310T080000Z')).toBe('2026-03-10T08:00:00.000Z');
  });

  it('covers a slot with one lock unit per quarter hour', () => {
    expect(lockUnits('2026-03-10T08:00:00.000Z', '2026-03-10T09:00:00.000Z')).toEqual([
      '20260310T0800Z',
      '20260310T0815Z',
      '20260310T0830Z',
      '20260310T0845Z',
    ]);
  });
});

describe('days the offices are closed', () => {
  const weekdays = [1, 2, 3, 4, 5];
  const plan = (fromDate: string, untilDate: string) =>
    planSlots(
      {
        kind: 'recurring',
        weekdays,
        fromDate,
        untilDate,
        dayStart: '09:00',
        dayEnd: '10:00',
        timeZone: berlin,
      },
      60,
    );
  const daysOf = (slots: { startsAt: string }[]) => slots.map((slot) => slot.startsAt.slice(0, 10));

  it('offers nothing on Christmas Eve, the Christmas holidays, New Year and Epiphany (Bavaria)', () => {
    const { slots, skipped } = plan('2026-12-21', '2027-01-08');
    expect(daysOf(slots)).toEqual([
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2027-01-04',
      '2027-01-05',
      '2027-01-07',
      '2027-01-08',
    ]);
    expect(skipped).toEqual([
      { date: '2026-12-24', reason: 'closing_day' },
      { date: '2026-12-25', reason: 'holiday' },
      { date: '2026-12-31', reason: 'closing_day' },
      { date: '2027-01-01', reason: 'holiday' },
      { date: '2027-01-06', reason: 'holiday' },
    ]);
  });

  it('offers nothing on Good Friday and Easter Monday, nor on Corpus Christi, Assumption and All Saints', () => {
    const easter = daysOf(plan('2027-03-22', '2027-04-02').slots);
    expect(easter).not.toContain('2027-03-26');
    expect(easter).not.toContain('2027-03-29');
    expect(easter).toContain('2027-03-25');
    for (const day of ['2026-06-04', '2026-08-15', '2026-11-01', '2026-05-14', '2026-10-03']) {
      expect(daysOf(plan(day, day).slots), day).toEqual([]);
    }
  });

  it('follows the configured state and closing days', () => {
    const calendar = { holidayRegion: 'NW' as const, closingDays: ['2026-07-03', '02-16'] };
    const days = (from: string, until: string) =>
      daysOf(
        planSlots(
          {
            kind: 'recurring',
            weekdays,
            fromDate: from,
            untilDate: until,
            dayStart: '09:00',
            dayEnd: '10:00',
            timeZone: berlin,
          },
          60,
          calendar,
        ).slots,
      );
    expect(days('2026-01-06', '2026-01-06')).toEqual(['2026-01-06']); // Epiphany is no holiday in NRW
    expect(days('2026-12-24', '2026-12-24')).toEqual(['2026-12-24']); // not configured there
    expect(days('2026-07-03', '2026-07-03')).toEqual([]);
    expect(days('2027-02-16', '2027-02-16')).toEqual([]);
  });

  it('refuses a single slot on a holiday, naming the date field', () => {
    expect(() =>
      planSlots({ kind: 'single', date: '2026-12-25', start: '10:00', timeZone: berlin }, 60),
    ).toThrowError(
      expect.objectContaining({
        fields: [{ field: 'body.date', code: 'holiday', params: { date: '2026-12-25' } }],
      }),
    );
  });

  it('leaves the pause asked for between interviews', () => {
    const { slots } = planSlots(
      {
        kind: 'recurring',
        weekdays: [2],
        fromDate: '2026-03-10',
        untilDate: '2026-03-10',
        dayStart: '09:00',
        dayEnd: '12:00',
        bufferMinutes: 15,
        timeZone: berlin,
      },
      45,
    );
    expect(slots.map((slot) => [slot.startsAt, slot.endsAt])).toEqual([
      ['2026-03-10T08:00:00.000Z', '2026-03-10T08:45:00.000Z'],
      ['2026-03-10T09:00:00.000Z', '2026-03-10T09:45:00.000Z'],
      ['2026-03-10T10:00:00.000Z', '2026-03-10T10:45:00.000Z'],
    ]);
  });
});
