/**
 * The supported languages, defined once. German is the source of truth for every text.
 * Adding a language: a content file `content/messages/<code>.json` and one entry here (plus its import
 * in `messages.ts`).
 */
export const languages = [
  { code: 'de', endonym: 'Deutsch', englishName: 'German', dir: 'ltr' },
  { code: 'en', endonym: 'English', englishName: 'English', dir: 'ltr' },
  { code: 'ar', endonym: 'العربية', englishName: 'Arabic', dir: 'rtl' },
  { code: 'tr', endonym: 'Türkçe', englishName: 'Turkish', dir: 'ltr' },
  { code: 'uk', endonym: 'Українська', englishName: 'Ukrainian', dir: 'ltr' },
  { code: 'ru', endonym: 'Русский', englishName: 'Russian', dir: 'ltr' },
  { code: 'fa', endonym: 'فارسی', englishName: 'Persian (Farsi)', dir: 'rtl' },
] as const;

export type Language = (typeof languages)[number]['code'];
export type TextDirection = 'ltr' | 'rtl';
export const sourceLanguage: Language = 'de';
export const languageCodes = languages.map((language) => language.code) as [Language, ...Language[]];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languageCodes as readonly string[]).includes(value);
}

export function directionOf(language: Language): TextDirection {
  return languages.find((candidate) => candidate.code === language)?.dir ?? 'ltr';
}

/**
 * Picks the best supported language from an explicit choice, then an Accept-Language header
 * (RFC 9110 quality values), then German.
 */
export function negotiateLanguage(
  explicit: string | undefined,
  acceptLanguage: string | undefined,
): Language {
  const chosen = explicit?.toLowerCase().slice(0, 2);
  if (isLanguage(chosen)) return chosen;
  if (!acceptLanguage) return sourceLanguage;
  const ranked = acceptLanguage
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        base: tag.toLowerCase().split('-')[0] ?? '',
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    // Persian is also tagged "pes"/"prs" by some browsers; Ukrainian sometimes arrives as "ua".
    const base =
      entry.base === 'ua' ? 'uk' : entry.base === 'pes' || entry.base === 'prs' ? 'fa' : entry.base;
    if (isLanguage(base)) return base;
  }
  return sourceLanguage;
}
