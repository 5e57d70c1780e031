import { DateTime } from 'luxon';
import {
  type ClosedReason,
  type CountyCalendar,
  closedReason,
  defaultClosingDays,
  defaultHolidayRegion,
} from '../shared/domain/county-calendar';
import { DomainError } from '../shared/domain/errors';
import { type CreateSlotsRequest, lockUnitMinutes } from './schemas';

export interface PlannedSlot {
  slotId: string;
  /** UTC instants, ISO 8601 with milliseconds and `Z`. */
  startsAt: string;
  endsAt: string;
}

/** The slot id is its start in UTC, compact: `20260310T080000Z`. */
export function slotIdOf(startsAt: string): string {
  return DateTime.fromISO(startsAt, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'");
}

export function startOfSlotId(slotId: string): string {
  const start = DateTime.fromFormat(slotId, "yyyyLLdd'T'HHmmss'Z'", { zone: 'utc' });
  if (!start.isValid)
    throw new DomainError('validation', 'invalid slot id', [{ field: 'slotId', code: 'invalid' }]);
  return start.toUTC().toISO() as string;
}

/** A day a plan would have covered but the offices are closed. */
export interface SkippedDay {
  date: string;
  reason: ClosedReason;
}

export interface SlotPlanResult {
  slots: PlannedSlot[];
  skipped: SkippedDay[];
}

export const defaultCountyCalendar: CountyCalendar = {
  holidayRegion: defaultHolidayRegion,
  closingDays: defaultClosingDays,
};

/** At most this many slots per request, so one request stays one bounded batch of writes. */
export const maxSlotsPerRequest = 500;

/**
 * The wall-clock time `time` on `date` in `zone`, as a UTC instant. A time that does not exist (the
 * hour skipped when clocks go forward) is refused rather than silently moved; an ambiguous one (the
 * hour repeated when clocks go back) is the earlier of the two, as luxon resolves it.
 */
function instant(date: string, time: string, zone: string): DateTime | undefined {
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!local.isValid) return undefined;
  if (local.toFormat('HH:mm') !== time) return undefined;
  return local;
}

function slot(start: DateTime, durationMinutes: number): PlannedSlot {
  const startsAt = start.toUTC().toISO() as string;
  return {
    slotId: slotIdOf(startsAt),
    startsAt,
    endsAt: start.toUTC().plus({ minutes: durationMinutes }).toISO() as string,
  };
}

/**
 * The slots a request asks for, each lasting `durationMinutes`, `bufferMinutes` apart. Wall-clock
 * times are kept across daylight-saving changes: "Tuesdays 9–12" is 09:00 Berlin time in March and in
 * November alike, so its UTC instant moves by an hour. Public holidays and the county's closing days
 * get no slots: a recurring plan skips them (and says which), a single slot on one is refused.
 */
export function planSlots(
  request: CreateSlotsRequest,
  durationMinutes: number,
  calendar: CountyCalendar = defaultCountyCalendar,
): SlotPlanResult {
  if (durationMinutes % lockUnitMinutes !== 0) throw new Error('duration off the quarter-hour grid');
  if (request.kind === 'single') {
    const start = instant(request.date, request.start, request.timeZone);
    if (!start) {
      throw new DomainError('validation', 'nonexistent local time', [
        { field: 'body.start', code: 'invalid' },
      ]);
    }
    const closed = closedReason(request.date, calendar);
    if (closed) {
      throw new DomainError('validation', 'offices closed', [
        { field: 'body.date', code: closed, params: { date: request.date } },
      ]);
    }
    return { slots: [slot(start, durationMinutes)], skipped: [] };
  }
  const slots: PlannedSlot[] = [];
  const skipped: SkippedDay[] = [];
  const step = durationMinutes + (request.bufferMinutes ?? 0);
  const weekdays = new Set(request.weekdays);
  const until = DateTime.fromISO(request.untilDate, { zone: request.timeZone });
  for (
    let day = DateTime.fromISO(request.fromDate, { zone: request.timeZone });
    day <= until;
    day = day.plus({ days: 1 })
  ) {
    if (!weekdays.has(day.weekday)) continue;
    const date = day.toISODate() as string;
    const closed = closedReason(date, calendar);
    if (closed) {
      skipped.push({ date, reason: closed });
      continue;
    }
    const dayEnd =
      request.dayEnd === '24:00'
        ? day.plus({ days: 1 }).startOf('day')
        : instant(date, request.dayEnd, request.timeZone);
    let start = instant(date, request.dayStart, request.timeZone);
    if (!start || !dayEnd) continue;
    while (start.plus({ minutes: durationMinutes }) <= dayEnd) {
      slots.push(slot(start, durationMinutes));
      if (slots.length > maxSlotsPerRequest) {
        throw new DomainError('validation', 'too many slots', [
          { field: 'body.untilDate', code: 'too_many', params: { maximum: maxSlotsPerRequest } },
        ]);
      }
      // Consecutive slots follow in elapsed time, so a slot across a clock change still lasts its duration.
      start = start.plus({ minutes: step });
    }
  }
  return { slots, skipped };
}

/** The quarter hours a slot covers, each as a compact UTC instant: the interviewer locks it needs. */
export function lockUnits(startsAt: string, endsAt: string): string[] {
  const units: string[] = [];
  const end = DateTime.fromISO(endsAt, { zone: 'utc' });
  for (
    let unit = DateTime.fromISO(startsAt, { zone: 'utc' });
    unit < end;
    unit = unit.plus({ minutes: lockUnitMinutes })
  ) {
    units.push(unit.toFormat("yyyyLLdd'T'HHmm'Z'"));
  }
  return units;
}
