import type { Language } from '../shared/i18n/languages';

/**
 * "September 2026" or "15. September 2026" in the reader's language, always Gregorian with Latin
 * digits (as dates are everywhere on the site). Pure `Intl`, so the web bundles it without the texts.
 */
export function formatPlanDate(date: string, language: Language): string {
  const [year = 0, month = 1, day] = date.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(`${language}-u-ca-gregory-nu-latn`, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    ...(day ? { day: 'numeric' } : {}),
  }).format(new Date(Date.UTC(year, month - 1, day ?? 1)));
}
