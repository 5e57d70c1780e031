/** The county's time zone: staff enter opening and closing times as the clock on the office wall. */
export const countyTimeZone = 'Europe/Berlin';

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: countyTimeZone,
  timeZoneName: 'longOffset',
});

/** Minutes east of UTC in Berlin at an instant (60 in winter, 120 in summer). */
function berlinOffsetMinutes(instant: number): number {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0; // "GMT" alone: no offset
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Turns the value of an `<input type="datetime-local">` (`2026-12-01T09:00`), read as Berlin wall-clock
 * time, into an ISO 8601 date-time with its offset (`2026-12-01T09:00:00+01:00`), as the API expects.
 * In the hour that occurs twice in October the earlier (summer-time) one is meant; a time that does not
 * exist (the hour skipped in March) takes the summer-time offset. Undefined for anything else.
 */
export function berlinLocalToIso(local: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number?,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) {
    return undefined;
  }
  // Berlin's offset on either side of this day; the one that maps back onto the same wall-clock time is
  // right. Both do in the doubled hour (summer time wins), neither in the skipped one (summer time too).
  const candidates = [
    berlinOffsetMinutes(wall - 12 * 3_600_000),
    berlinOffsetMinutes(wall + 12 * 3_600_000),
  ].sort((a, b) => b - a);
  const offset =
    candidates.find((candidate) => berlinOffsetMinutes(wall - candidate * 60_000) === candidate) ??
    candidates[0] ??
    0;
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}
