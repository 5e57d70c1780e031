import { describe, expect, it } from 'vitest';
import { CreateSlotsRequest } from '../../../../functions/interviews/schemas';
import { planSlots } from '../../../../functions/interviews/slots';
import { closedDaysOf, maxPreviewSlots, previewSlots, type SlotPlan } from './recurrence';

type RecurringPlan = Extract<SlotPlan, { kind: 'recurring' }>;

/** Tuesdays 9–12 in the first half of December 2026, with the given changes. */
function recurring(change: Partial<RecurringPlan> = {}): RecurringPlan {
  return {
    kind: 'recurring',
    weekdays: [2],
    fromDate: '2026-12-01',
    untilDate: '2026-12-15',
    dayStart: '09:00',
    dayEnd: '12:00',
    ...change,
  };
}

/** Sundays whose window starts at 02:15, the hour the clocks skip on 29 March 2026. */
const skippedHourSundays = recurring({
  weekdays: [7],
  fromDate: '2026-03-22',
  untilDate: '2026-03-29',
  dayStart: '02:15',
  dayEnd: '05:00',
});

describe('the preview of slots to publish', () => {
  it('makes back-to-back slots on the chosen weekdays, in Berlin time', () => {
    const slots = previewSlots(recurring(), 60);
    expect(slots?.map((slot) => slot.startsAt)).toEqual([
      '2026-12-01T09:00:00+01:00',
      '2026-12-01T10:00:00+01:00',
      '2026-12-01T11:00:00+01:00',
      '2026-12-08T09:00:00+01:00',
      '2026-12-08T10:00:00+01:00',
      '2026-12-08T11:00:00+01:00',
      '2026-12-15T09:00:00+01:00',
      '2026-12-15T10:00:00+01:00',
      '2026-12-15T11:00:00+01:00',
    ]);
    expect(slots?.[0]?.endsAt).toBe('2026-12-01T10:00:00+01:00');
  });

  it('keeps the wall-clock window across the change to summer time', () => {
    const slots = previewSlots(
      recurring({ weekdays: [6, 1], fromDate: '2026-03-28', untilDate: '2026-03-30', dayEnd: '10:30' }),
      45,
    );
    expect(slots).toEqual([
      { startsAt: '2026-03-28T09:00:00+01:00', endsAt: '2026-03-28T09:45:00+01:00' },
      { startsAt: '2026-03-28T09:45:00+01:00', endsAt: '2026-03-28T10:30:00+01:00' },
      { startsAt: '2026-03-30T09:00:00+02:00', endsAt: '2026-03-30T09:45:00+02:00' },
      { startsAt: '2026-03-30T09:45:00+02:00', endsAt: '2026-03-30T10:30:00+02:00' },
    ]);
    expect(new Date(slots?.[2]?.startsAt ?? '').toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('leaves out a slot that would end after the window', () => {
    const slots = previewSlots(recurring({ untilDate: '2026-12-01', dayEnd: '11:30' }), 60);
    expect(slots?.map((slot) => slot.startsAt)).toEqual([
      '2026-12-01T09:00:00+01:00',
      '2026-12-01T10:00:00+01:00',
    ]);
  });

  it('runs a window to midnight when it ends at 24:00', () => {
    const slots = previewSlots(
      recurring({ untilDate: '2026-12-01', dayStart: '22:00', dayEnd: '24:00' }),
      60,
    );
    expect(slots?.map((slot) => slot.endsAt)).toEqual([
      '2026-12-01T23:00:00+01:00',
      '2026-12-02T00:00:00+01:00',
    ]);
  });

  it('makes one slot of the round’s length for a single date', () => {
    expect(previewSlots({ kind: 'single', date: '2026-07-01', start: '14:15' }, 90)).toEqual([
      { startsAt: '2026-07-01T14:15:00+02:00', endsAt: '2026-07-01T15:45:00+02:00' },
    ]);
  });

  it.each([
    ['no weekday', { weekdays: [] }],
    ['the end before the start', { dayStart: '12:00', dayEnd: '09:00' }],
    ['the last date before the first', { fromDate: '2026-12-10', untilDate: '2026-12-01' }],
    ['a time off the quarter hour', { dayStart: '09:10' }],
    ['an impossible date', { untilDate: '2026-02-30' }],
  ] satisfies [string, Partial<RecurringPlan>][])('shows nothing for %s', (_case, change) => {
    expect(previewSlots(recurring(change), 60)).toBeUndefined();
  });

  it('refuses a plan that would make more slots than anyone means to', () => {
    const plan = recurring({
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      fromDate: '2026-01-01',
      untilDate: '2026-12-31',
      dayStart: '00:00',
      dayEnd: '24:00',
    });
    expect(previewSlots(plan, 60)).toBeUndefined();
    expect(maxPreviewSlots).toBeLessThan(365 * 24);
  });
});

describe('the preview shows exactly the slots the API will create', () => {
  const plans: [string, SlotPlan, number][] = [
    ['Tuesdays 9–12 in winter', recurring({ untilDate: '2026-12-22' }), 60],
    [
      'every day across the spring change, 45 minutes',
      recurring({
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        fromDate: '2026-03-27',
        untilDate: '2026-03-31',
        dayStart: '08:15',
        dayEnd: '11:00',
      }),
      45,
    ],
    [
      'nights across the autumn change, in the doubled hour',
      recurring({
        weekdays: [7],
        fromDate: '2026-10-18',
        untilDate: '2026-10-25',
        dayStart: '01:00',
        dayEnd: '04:00',
      }),
      30,
    ],
    ['a window starting in the skipped hour', skippedHourSundays, 60],
    [
      'evenings to midnight',
      recurring({
        weekdays: [5],
        fromDate: '2026-06-05',
        untilDate: '2026-06-12',
        dayStart: '21:30',
        dayEnd: '24:00',
      }),
      90,
    ],
    ['one slot in summer', { kind: 'single', date: '2026-07-01', start: '14:15' }, 30],
    [
      'across Christmas and New Year, with a pause after each interview',
      recurring({
        weekdays: [1, 2, 3, 4, 5],
        fromDate: '2026-12-21',
        untilDate: '2027-01-08',
        dayEnd: '12:00',
        bufferMinutes: 15,
      }),
      45,
    ],
    [
      'across Easter',
      recurring({ weekdays: [1, 5], fromDate: '2027-03-22', untilDate: '2027-04-02', dayEnd: '11:00' }),
      60,
    ],
    [
      'another zone',
      recurring({
        weekdays: [3],
        fromDate: '2026-12-02',
        untilDate: '2026-12-09',
        dayEnd: '11:00',
        timeZone: 'Asia/Tehran',
      }),
      60,
    ],
  ];

  it.each(plans)('%s', (_case, plan, minutes) => {
    const fromApi = planSlots(CreateSlotsRequest.parse(plan), minutes).slots;
    const previewed = previewSlots(plan, minutes) ?? [];
    expect(previewed.map((slot) => new Date(slot.startsAt).toISOString())).toEqual(
      fromApi.map((slot) => slot.startsAt),
    );
    expect(previewed.map((slot) => new Date(slot.endsAt).toISOString())).toEqual(
      fromApi.map((slot) => slot.endsAt),
    );
  });

  it('names the days that get no slot, with the reason, as the API reports them', () => {
    const plan = recurring({ weekdays: [4, 5], fromDate: '2026-12-24', untilDate: '2027-01-01' });
    const { skipped } = planSlots(CreateSlotsRequest.parse(plan), 60);
    expect(closedDaysOf(plan)).toEqual(skipped);
    expect(skipped.map((day) => day.date)).toEqual(['2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01']);
  });

  it('skips the day whose window starts in the hour the clocks skip, as the API does', () => {
    const slots = previewSlots(skippedHourSundays, 60);
    expect(slots?.map((slot) => slot.startsAt.slice(0, 10))).toEqual(['2026-03-22', '2026-03-22']);
    expect(previewSlots({ kind: 'single', date: '2026-03-29', start: '02:30' }, 60)).toBeUndefined();
  });
});
