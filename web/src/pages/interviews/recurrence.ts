import type { z } from 'zod';
import type { CreateSlotsRequest } from '../../../../functions/interviews/schemas';
import {
  type ClosedReason,
  type CountyCalendar,
  closedReason,
  defaultClosingDays,
  defaultHolidayRegion,
} from '../../../../functions/shared/domain/county-calendar';
import {
  addDays,
  clockTimeOf,
  countyTimeZone,
  isDayKey,
  isoWithOffset,
  weekdayOf,
  zonedLocalToIso,
} from './zoned-time';

/** Slots as staff plan them: one at a date and time, or "Tuesdays 9–12" between two dates. */
export type SlotPlan = z.input<typeof CreateSlotsRequest>;

export interface PreviewSlot {
  startsAt: string;
  endsAt: string;
}

const defaultCalendar: CountyCalendar = {
  holidayRegion: defaultHolidayRegion,
  closingDays: defaultClosingDays,
};

/** The days of a plan that get no slot because the offices are closed, as the API reports them. */
export function closedDaysOf(
  plan: SlotPlan,
  calendar: CountyCalendar = defaultCalendar,
): { date: string; reason: ClosedReason }[] {
  if (plan.kind === 'single') {
    const reason = isDayKey(plan.date) ? closedReason(plan.date, calendar) : undefined;
    return reason ? [{ date: plan.date, reason }] : [];
  }
  const { fromDate, untilDate, weekdays } = plan;
  if (!isDayKey(fromDate) || !isDayKey(untilDate) || untilDate < fromDate) return [];
  const closed: { date: string; reason: ClosedReason }[] = [];
  for (let day = fromDate; day <= untilDate && closed.length < 400; day = addDays(day, 1)) {
    if (!weekdays.includes(weekdayOf(day))) continue;
    const reason = closedReason(day, calendar);
    if (reason) closed.push({ date: day, reason });
  }
  return closed;
}

/** More slots than this in one go is a typing mistake (a year of every weekday), not a plan. */
export const maxPreviewSlots = 500;

const quarterHour = /^([01]\d|2[0-3]):(00|15|30|45)$/;

/**
 * The instant a wall-clock time on a day has in `timeZone`, or undefined if the clock never shows it
 * (the hour skipped when clocks go forward): the API refuses such a time rather than moving it.
 */
function existingInstant(day: string, time: string, timeZone: string): number | undefined {
  const iso = zonedLocalToIso(`${day}T${time}`, timeZone);
  if (!iso || clockTimeOf(iso, timeZone) !== time) return undefined;
  return Date.parse(iso);
}

/**
 * The slots a plan makes, as instants with their offset in the plan's time zone (Europe/Berlin unless
 * it names another), so staff see them before publishing; the same rules as the API's `planSlots`
 * (functions/interviews/slots.ts), without its date library in the page. Each day's window is that
 * day's wall-clock time, so "9–12" stays 9–12 before and after a daylight-saving change; slots follow
 * one another back to back in elapsed time while one still ends by the window's end; a day whose
 * window starts or ends in the skipped hour gets none. `undefined` while the plan is incomplete, names
 * a time that does not exist, or would make more than `maxPreviewSlots`.
 */
export function previewSlots(
  plan: SlotPlan,
  durationMinutes: number,
  calendar: CountyCalendar = defaultCalendar,
): PreviewSlot[] | undefined {
  const timeZone = plan.timeZone ?? countyTimeZone;
  const length = durationMinutes * 60_000;
  const step = length + (plan.kind === 'recurring' ? (plan.bufferMinutes ?? 0) : 0) * 60_000;
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) return undefined;
  if (plan.kind === 'single') {
    if (!isDayKey(plan.date) || !quarterHour.test(plan.start)) return undefined;
    const instant = existingInstant(plan.date, plan.start, timeZone);
    if (instant === undefined) return undefined;
    if (closedReason(plan.date, calendar)) return [];
    return [
      { startsAt: isoWithOffset(instant, timeZone), endsAt: isoWithOffset(instant + length, timeZone) },
    ];
  }
  const { fromDate, untilDate, dayStart, dayEnd, weekdays } = plan;
  if (!isDayKey(fromDate) || !isDayKey(untilDate) || untilDate < fromDate || weekdays.length === 0) {
    return undefined;
  }
  if (
    !quarterHour.test(dayStart) ||
    !(quarterHour.test(dayEnd) || dayEnd === '24:00') ||
    dayEnd <= dayStart
  ) {
    return undefined;
  }
  const slots: PreviewSlot[] = [];
  for (let day = fromDate; day <= untilDate; day = addDays(day, 1)) {
    if (!weekdays.includes(weekdayOf(day))) continue;
    if (closedReason(day, calendar)) continue;
    const opens = existingInstant(day, dayStart, timeZone);
    const end =
      dayEnd === '24:00'
        ? existingInstant(addDays(day, 1), '00:00', timeZone)
        : existingInstant(day, dayEnd, timeZone);
    if (opens === undefined || end === undefined) continue;
    for (let start = opens; start + length <= end; start += step) {
      slots.push({
        startsAt: isoWithOffset(start, timeZone),
        endsAt: isoWithOffset(start + length, timeZone),
      });
      if (slots.length > maxPreviewSlots) return undefined;
    }
  }
  return slots;
}
