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
    );
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
    );
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
    );
    expect(slots.map((slot) => slot.startsAt)).toEqual([
      '2026-03-24T08:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
    ]);
  });

  it('refuses a single slot at a time that does not exist (the skipped hour)', () => {
    expect(() =>
      planSlots({ kind: 'single', date: '2026-03-29', start: '02:30', timeZone: berlin }, 30),
    ).toThrow(expect.objectContaining({ code: 'validation' }));
  });

  it('lasts its duration in elapsed time across the autumn change at night', () => {
    const [slot] = planSlots({ kind: 'single', date: '2026-10-25', start: '01:30', timeZone: berlin }, 90);
    expect(Date.parse(slot?.endsAt ?? '') - Date.parse(slot?.startsAt ?? '')).toBe(90 * 60_000);
  });

  it('plans in another time zone when asked', () => {
    const [slot] = planSlots(
      { kind: 'single', date: '2026-03-10', start: '09:00', timeZone: 'Europe/Istanbul' },
      30,
    );
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
