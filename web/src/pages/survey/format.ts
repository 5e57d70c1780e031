import type { Language } from '../../../../functions/shared/i18n/languages';

/**
 * Dates as the county's e-mails show them: Gregorian calendar and Latin digits in every language; dates
 * of the survey in the county's time zone, the time of a save in the respondent's own.
 */
const common = { calendar: 'gregory', numberingSystem: 'latn' } as const;

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    ...common,
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { ...common, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** A calendar day such as the privacy notice's version `2026-11-01`; other text is shown as it is. */
export function formatDay(day: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(language, { ...common, dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
