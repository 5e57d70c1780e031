import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import german from '../../content/messages/de.json';
import { formatMessage } from '../../functions/shared/i18n/format';
import {
  directionOf,
  isLanguage,
  type Language,
  negotiateLanguage,
  sourceLanguage,
  type TextDirection,
} from '../../functions/shared/i18n/languages';
import type { MessageKey, MessageParams, Messages } from '../../functions/shared/i18n/messages';

/**
 * The texts of the front end come from the same content files and language list as the API's. German
 * is bundled (it is the fallback for every missing text); every other language is its own chunk,
 * loaded when chosen, so a visitor downloads only German and their language. A content file that does
 * not exist yet simply leaves that language on the German fallback.
 */
const otherLanguages = import.meta.glob<Messages>(
  ['../../content/messages/*.json', '!../../content/messages/de.json'],
  {
    import: 'default',
  },
);

export const languageStorageKey = 'wegweiser.language';

export interface Translator {
  language: Language;
  dir: TextDirection;
  t(key: MessageKey, params?: MessageParams): string;
}

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Same rules as `translate` in functions/shared/i18n/messages.ts: the language, then German, then the key. */
export function createTranslator(language: Language, texts: Messages | undefined): Translator {
  return {
    language,
    dir: directionOf(language),
    t(key, params = {}) {
      return formatMessage(language, lookup(texts, key) ?? lookup(german, key) ?? key, params);
    },
  };
}

export async function loadTexts(language: Language): Promise<Messages | undefined> {
  if (language === sourceLanguage) return german;
  const load = otherLanguages[`../../content/messages/${language}.json`];
  return load ? load() : undefined;
}

function storedLanguage(): string | undefined {
  try {
    return localStorage.getItem(languageStorageKey) ?? undefined;
  } catch {
    return undefined; // storage can be blocked; the choice then lasts for the page only
  }
}

/** `?lang=` first (a shared link), then the visitor's earlier choice, then the browser's languages. */
export function initialLanguage(location: Location, navigator: Navigator): Language {
  const fromQuery = new URLSearchParams(location.search).get('lang') ?? undefined;
  if (isLanguage(fromQuery)) return fromQuery;
  const stored = storedLanguage();
  if (isLanguage(stored)) return stored;
  return negotiateLanguage(undefined, navigator.languages.join(','));
}

/** Makes a language the page's: `<html lang dir>`, the remembered choice and a `?lang=` already in the URL. */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
  try {
    localStorage.setItem(languageStorageKey, language);
  } catch {
    // see storedLanguage
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang') && url.searchParams.get('lang') !== language) {
    url.searchParams.set('lang', language);
    history.replaceState(history.state, '', url);
  }
}

let currentLanguage: Language = sourceLanguage;

/** The language the API should answer in (its problem details are localized by Accept-Language). */
export function activeLanguage(): Language {
  return currentLanguage;
}

export function setActiveLanguage(language: Language): void {
  currentLanguage = language;
}

export const I18nContext = createContext<Translator>(createTranslator(sourceLanguage, german));
export const LanguageChangeContext = createContext<(language: Language) => void>(() => undefined);

export function useI18n(): Translator {
  return useContext(I18nContext);
}

export function useChangeLanguage(): (language: Language) => void {
  return useContext(LanguageChangeContext);
}
