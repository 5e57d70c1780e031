/**
 * Interview times in any IANA time zone: staff publish slots in the county's time (Europe/Berlin), an
 * expert may read them in their own. Every format pins the Gregorian calendar and Latin digits: Arabic
 * and Persian locales would otherwise show other calendars and digits, and the date on the page must
 * be the one in the confirmation e-mail and the calendar invitation.
 */

/** The county's time zone: slots are published as the clock on the office wall shows them. */
export const countyTimeZone = 'Europe/Berlin';

/** A calendar day in some time zone, `YYYY-MM-DD`. */
export type DayKey = string;

const pinned = { calendar: 'gregory', numberingSystem: 'latn' } as const;

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      ...pinned,
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  return format;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What a clock in `timeZone` shows at an instant. */
export function wallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partFormat(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Minutes east of UTC in `timeZone` at an instant (Berlin: 60 in winter, 120 in summer). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function offsetText(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/**
 * A wall-clock time in `timeZone` (`2026-12-01T09:00`, as `<input type="datetime-local">` gives it)
 * as an ISO 8601 date-time with its offset (`2026-12-01T09:00:00+01:00`). In an hour that occurs twice
 * (clocks set back) the earlier one is meant; a time that does not exist (clocks set forward) takes the
 * offset after the change. Undefined for anything that is not such a time.
 */
export function zonedLocalToIso(local: string, timeZone: string = countyTimeZone): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) {
    return undefined;
  }
  // The zone's offset on either side of this day; the one that maps back onto the same wall-clock time
  // is right. Both do in a doubled hour (the larger, earlier one wins), neither in a skipped one.
  const candidates = [
    offsetMinutes(wall - 14 * 3_600_000, timeZone),
    offsetMinutes(wall + 14 * 3_600_000, timeZone),
  ].sort((a, b) => b - a);
  const offset =
    candidates.find((candidate) => offsetMinutes(wall - candidate * 60_000, timeZone) === candidate) ??
    candidates[0] ??
    0;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${offsetText(offset)}`;
}

/** An instant as `timeZone`'s wall-clock time with its offset (`2026-12-01T09:00:00+01:00`). */
export function isoWithOffset(instant: number, timeZone: string = countyTimeZone): string {
  const clock = wallClock(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}${offsetText(offset)}`;
}

/** The calendar day of an instant in `timeZone`. */
export function dayKeyOf(iso: string | number, timeZone: string): DayKey {
  const clock = wallClock(typeof iso === 'number' ? iso : Date.parse(iso), timeZone);
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** The wall-clock time of an instant in `timeZone`, `HH:mm`. */
export function clockTimeOf(iso: string, timeZone: string): string {
  const clock = wallClock(Date.parse(iso), timeZone);
  return `${pad(clock.hour)}:${pad(clock.minute)}`;
}

function dayToUtc(day: DayKey): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date));
}

function utcToDay(date: Date): DayKey {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function isDayKey(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return utcToDay(dayToUtc(value)) === value;
}

export function addDays(day: DayKey, days: number): DayKey {
  const date = dayToUtc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return utcToDay(date);
}

/** ISO weekday of a calendar day: 1 Monday … 7 Sunday. */
export function weekdayOf(day: DayKey): number {
  return ((dayToUtc(day).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the (ISO) week a day belongs to. */
export function weekStartOf(day: DayKey): DayKey {
  return addDays(day, 1 - weekdayOf(day));
}

/** The seven days of the week starting on `monday`. */
export function weekDays(monday: DayKey): DayKey[] {
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/**
 * Items grouped by the calendar day they start on in `timeZone`, days in order and each day's items by
 * start time. An interview at 23:30 in Berlin is on the next day in Tokyo: the day is the reader's.
 */
export function groupByDay<T>(items: readonly T[], startOf: (item: T) => string, timeZone: string) {
  const days = new Map<DayKey, T[]>();
  const sorted = [...items].sort((a, b) => Date.parse(startOf(a)) - Date.parse(startOf(b)));
  for (const item of sorted) {
    const day = dayKeyOf(startOf(item), timeZone);
    const list = days.get(day);
    if (list) list.push(item);
    else days.set(day, [item]);
  }
  return [...days].map(([day, dayItems]) => ({ day, items: dayItems }));
}

/** A week of the calendar: its seven days, each with the items starting on it in `timeZone`. */
export function weekOf<T>(
  items: readonly T[],
  startOf: (item: T) => string,
  monday: DayKey,
  timeZone: string,
): { day: DayKey; items: T[] }[] {
  const byDay = new Map(groupByDay(items, startOf, timeZone).map((group) => [group.day, group.items]));
  return weekDays(monday).map((day) => ({ day, items: byDay.get(day) ?? [] }));
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${language}|${timeZone}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(language, { ...options, ...pinned, timeZone });
    formats.set(key, found);
  }
  return found;
}

/** "Tuesday, 1 December 2026" in the interface language, the day as seen in `timeZone`. */
export function formatDay(language: string, iso: string, timeZone: string): string {
  return format(language, timeZone, { dateStyle: 'full' }).format(Date.parse(iso));
}

/** A calendar day itself (no instant), e.g. a column of the week view: "Tue, 1 Dec". */
export function formatDayKey(language: string, day: DayKey, style: 'short' | 'full' = 'short'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'full' ? { dateStyle: 'full' } : { weekday: 'short', day: 'numeric', month: 'short' };
  return format(language, 'UTC', options).format(dayToUtc(day));
}

/** "09:00" in the interface language's style (24 h or 12 h), Latin digits. */
export function formatTime(language: string, iso: string, timeZone: string): string {
  return format(language, timeZone, { timeStyle: 'short' }).format(Date.parse(iso));
}

/** "09:00–10:00"; the dash is the range sign, kept left-to-right by the caller's markup if needed. */
export function formatTimeRange(language: string, startIso: string, endIso: string, timeZone: string) {
  return format(language, timeZone, { timeStyle: 'short' }).formatRange(
    Date.parse(startIso),
    Date.parse(endIso),
  );
}

/** Day and time range in one, as the language writes it: "Tuesday, December 1, 2026, 9:00 – 10:00 AM". */
export function formatSlot(language: string, startIso: string, endIso: string, timeZone: string): string {
  return format(language, timeZone, { dateStyle: 'full', timeStyle: 'short' }).formatRange(
    Date.parse(startIso),
    Date.parse(endIso),
  );
}

/** Day and time of one instant: "Tuesday, December 1, 2026 at 9:00 AM". */
export function formatDayTime(language: string, iso: string, timeZone: string): string {
  return format(language, timeZone, { dateStyle: 'full', timeStyle: 'short' }).format(Date.parse(iso));
}

/** "GMT+01:00" at an instant: what the time zone chooser shows beside each zone's name. */
export function offsetLabel(timeZone: string, instant: number): string {
  const offset = offsetMinutes(instant, timeZone);
  return offset === 0 ? 'UTC' : `UTC${offsetText(offset)}`;
}

/** Every time zone this browser knows, with the county's first; a short list where Intl lists none. */
export function knownTimeZones(): string[] {
  const listed =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ([] as string[]);
  const zones = listed.length > 0 ? listed : ['UTC', 'Europe/Istanbul', 'Europe/Kyiv', 'Asia/Tehran'];
  return [countyTimeZone, ...zones.filter((zone) => zone !== countyTimeZone)];
}

/** The browser's own time zone, if it is one Intl can format in. */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The name of an ISO weekday (1 Monday … 7 Sunday) in the interface language. */
export function weekdayName(language: string, weekday: number, style: 'long' | 'short' = 'long'): string {
  return format(language, 'UTC', { weekday: style }).format(dayToUtc(addDays('2026-11-30', weekday - 1)));
}

/**
 * The Monday of the week a calendar opens on: the week of the next start from `now`, else of the last
 * one (a round in the past), else this week.
 */
export function weekToOpen(starts: readonly string[], now: number, timeZone: string): DayKey {
  const instants = starts.map((iso) => Date.parse(iso)).sort((a, b) => a - b);
  const next = instants.find((start) => start >= now) ?? instants.at(-1) ?? now;
  return weekStartOf(dayKeyOf(next, timeZone));
}
