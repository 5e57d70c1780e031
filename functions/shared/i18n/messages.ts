import ar from '../../../content/messages/ar.json';
import de from '../../../content/messages/de.json';
import en from '../../../content/messages/en.json';
import fa from '../../../content/messages/fa.json';
import ru from '../../../content/messages/ru.json';
import tr from '../../../content/messages/tr.json';
import uk from '../../../content/messages/uk.json';
import { formatMessage } from './format';
import type { Language } from './languages';

/** The shape of every language's texts is German's: German is the source of truth. */
export type Messages = typeof de;

export const messages: Record<Language, Messages> = { de, en, ar, tr, uk, ru, fa };

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
export type MessageParams = Record<string, string | number>;

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A text in the given language, falling back to German where a translation is still missing. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const text = lookup(messages[language], key) ?? lookup(messages.de, key) ?? key;
  return formatMessage(language, text, params);
}

/** Flattened key list of a message tree, for completeness checks. */
export function messageKeys(tree: unknown, prefix = ''): string[] {
  if (tree === null || typeof tree !== 'object') return [prefix.slice(0, -1)];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : messageKeys(value, `${prefix}${key}.`),
  );
}
