import { isHoliday } from 'feiertagejs';

/**
 * The days the county's offices are closed: the public holidays of its federal state (Bavaria for the
 * Landkreis Würzburg: Epiphany, Corpus Christi, the Assumption and All Saints' Day besides the national
 * ones) and the closing days it configures (by default Christmas Eve and New Year's Eve, when the
 * Landratsamt is closed although they are working days by law). Pure: the functions and the staff
 * page's preview apply the same rules.
 */
export const holidayRegions = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HE',
  'HH',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
] as const;
export type HolidayRegion = (typeof holidayRegions)[number];

export interface CountyCalendar {
  holidayRegion: HolidayRegion;
  /** `MM-DD` every year, or one `YYYY-MM-DD`. */
  closingDays: readonly string[];
}

export const defaultHolidayRegion: HolidayRegion = 'BY';
export const defaultClosingDays: readonly string[] = ['12-24', '12-31'];

export type ClosedReason = 'holiday' | 'closing_day';

/** Why the offices are closed on `day` (`YYYY-MM-DD`, a calendar day in the county), or undefined. */
export function closedReason(day: string, calendar: CountyCalendar): ClosedReason | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [, year, month, date] = match;
  if (calendar.closingDays.includes(day) || calendar.closingDays.includes(`${month}-${date}`)) {
    return 'closing_day';
  }
  // The library compares local calendar days; noon keeps the day whatever the machine's time zone.
  const noon = new Date(Number(year), Number(month) - 1, Number(date), 12);
  return isHoliday(noon, calendar.holidayRegion) ? 'holiday' : undefined;
}
