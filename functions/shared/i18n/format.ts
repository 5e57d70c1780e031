import { IntlMessageFormat } from 'intl-messageformat';

/**
 * Numbers, counted texts, dates and lists for every language, through FormatJS and the platform's
 * `Intl`, never by cutting or joining strings by hand. Shared by the functions and the web bundle, so
 * it imports no texts.
 *
 * Dates and numbers keep the county's convention everywhere: the Gregorian calendar and Latin digits in
 * every language (Farsi's default would be the Solar Hijri calendar with Persian digits, which would
 * disagree with the dates of the county's letters and documents).
 */
export const countyTimeZone = 'Europe/Berlin';

const conventions = 'u-ca-gregory-nu-latn';

function locale(language: string): string {
  return `${language}-${conventions}`;
}

export type MessageParams = Record<string, string | number>;

const compiled = new Map<string, IntlMessageFormat>();
const compiledLimit = 4000;

function compile(language: string, template: string): IntlMessageFormat {
  const key = `${language}\u0000${template}`;
  let format = compiled.get(key);
  if (!format) {
    // Texts come from the content files (a few thousand), but stay bounded whatever calls this.
    if (compiled.size >= compiledLimit) compiled.clear();
    // `ignoreTag`: a "<" in a text is a character, never markup (pages escape, mails are plain text).
    format = new IntlMessageFormat(template, locale(language), undefined, { ignoreTag: true });
    compiled.set(key, format);
  }
  return format;
}

/** The names of the values a text asks for, in and outside plural blocks. */
function argumentNames(elements: unknown[], into = new Set<string>()): Set<string> {
  for (const element of elements as { type: number; value?: unknown; options?: unknown }[]) {
    if (typeof element.value === 'string' && element.type !== 0 && element.type !== 7 && element.type !== 8) {
      into.add(element.value);
    }
    if (element.options && typeof element.options === 'object') {
      for (const option of Object.values(element.options as Record<string, { value: unknown[] }>)) {
        argumentNames(option.value, into);
      }
    }
  }
  return into;
}

/**
 * A text in ICU MessageFormat: `{name}` placeholders and counted forms such as
 * `{count, plural, one {# Einrichtung} other {# Einrichtungen}}`, where each language writes the
 * categories `Intl.PluralRules` gives it (Arabic six, Russian and Ukrainian four). A value that was not
 * given stays visible as its placeholder rather than failing the whole answer; a value is inserted as
 * it is (escaping is the renderer's job).
 */
export function formatMessage(language: string, template: string, params: MessageParams = {}): string {
  if (!template.includes('{')) return template;
  let format: IntlMessageFormat;
  try {
    format = compile(language, template);
  } catch {
    return template; // a malformed text shows as written; the content tests keep them out
  }
  const values: Record<string, string | number> = {};
  for (const name of argumentNames(format.getAst())) values[name] = params[name] ?? `{${name}}`;
  try {
    const formatted = format.format(values);
    return typeof formatted === 'string' ? formatted : String(formatted);
  } catch {
    return template;
  }
}

/**
 * A calendar day (`2026-11-01`, or the day of a timestamp in the county's time zone) as a date only:
 * "1. November 2026", "November 1, 2026", "1 ноября 2026 г.". Never a time.
 */
export function formatDay(
  day: string | Date,
  language: string,
  style: 'long' | 'medium' | 'short' = 'long',
): string {
  const date = dayToDate(day);
  if (!date) return String(day);
  const timeZone = typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? 'UTC' : countyTimeZone;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: style, timeZone }).format(date);
}

/** "September 2026" or, with a day, the day as `formatDay` writes it: for plans given to the month. */
export function formatMonthOrDay(value: string, language: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    ...(day ? { day: 'numeric' } : {}),
  }).format(date);
}

/** A moment with its time, in the county's time zone: "8. Dezember 2026 um 09:00". */
export function formatDateTime(value: string | Date, language: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: countyTimeZone,
  }).format(date);
}

function dayToDate(day: string | Date): Date | undefined {
  if (day instanceof Date) return Number.isNaN(day.getTime()) ? undefined : day;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match) return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const parsed = new Date(day);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/**
 * A list as the language writes one: "Arabisch, Englisch und Türkisch", "A، B، و C" (Farsi's own
 * comma). Always CLDR's conjunction lists: its "unit" lists are meant for measures and join with bare
 * spaces in Turkish and Russian.
 */
export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { type: 'conjunction', style: 'long' }).format(items);
}

/** A language's name in the reader's language ("Arabisch", "Arabic", "арабский"), from its code. */
export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code; // not a well-formed language tag: show what was stored
  }
}
