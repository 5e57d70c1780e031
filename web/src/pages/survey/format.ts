import type { Language } from '../../../../functions/shared/i18n/languages';

/**
 * Dates as the county's e-mails show them (one formatter for the site and the functions): Gregorian
 * calendar and Latin digits in every language; dates of the survey in the county's time zone, the time
 * of a save in the respondent's own.
 */
export { formatDateTime, formatDay } from '../../../../functions/shared/i18n/format';

export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(`${language}-u-ca-gregory-nu-latn`, {
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
