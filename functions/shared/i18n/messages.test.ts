import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { formatMessage } from './format';
import { languageCodes, languages, negotiateLanguage } from './languages';
import { messageKeys, messages, translate } from './messages';

const contentDir = join(import.meta.dirname, '../../../content/messages');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

function leaves(tree: unknown, prefix = ''): [string, string][] {
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

describe('content files', () => {
  const germanKeys = messageKeys(messages.de).sort();

  it('has one content file per supported language and no other', () => {
    const files = readdirSync(contentDir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.replace('.json', ''))
      .sort();
    expect(files).toEqual([...languageCodes].sort());
  });

  it.each(languageCodes)('has every German key, and no other, in %s', (code) => {
    const raw = JSON.parse(readFileSync(join(contentDir, `${code}.json`), 'utf8'));
    expect(messageKeys(raw).sort()).toEqual(germanKeys);
  });

  it.each(languageCodes)('keeps the placeholders of every German text in %s', (code) => {
    const german = new Map(leaves(messages.de));
    for (const [key, text] of leaves(messages[code])) {
      expect(placeholders(text), `${code}: ${key}`).toEqual(placeholders(german.get(key) ?? ''));
    }
  });

  it.each(languageCodes.filter((code) => code !== 'de'))(
    'has no empty or untranslated texts in %s',
    (code) => {
      const german = new Map(leaves(messages.de));
      const untranslated = leaves(messages[code]).filter(
        ([key, text]) =>
          text.trim() === '' || (text === german.get(key) && /[a-zäöüß]{4,}\s[a-zäöüß]{4,}/i.test(text)),
      );
      expect(untranslated.map(([key]) => key)).toEqual([]);
    },
  );
});

describe('languages', () => {
  /** Each plural block of a text: its value's name and the categories it writes. */
  function pluralBlocks(text: string): { name: string; categories: string[] }[] {
    const found: { name: string; categories: string[] }[] = [];
    const visit = (elements: ReturnType<typeof parse>) => {
      for (const element of elements) {
        if (element.type === 6) {
          found.push({ name: element.value, categories: Object.keys(element.options) });
          for (const option of Object.values(element.options)) visit(option.value);
        } else if (element.type === 5) {
          for (const option of Object.values(element.options)) visit(option.value);
        }
      }
    };
    visit(parse(text, { ignoreTag: true }));
    return found;
  }

  it.each(languageCodes)('writes every counted text in %s with all of its plural categories', (code) => {
    const needed = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
    const german = new Map(leaves(messages.de));
    for (const [key, text] of leaves(messages[code])) {
      for (const block of pluralBlocks(text)) {
        // `=0` writes Arabic's "zero" (which CLDR gives to 0 alone) as well as the category would
        const written = block.categories.includes('=0') ? [...block.categories, 'zero'] : block.categories;
        const missing = needed.filter((category) => !written.includes(category));
        expect(missing, `${code}: ${key} {${block.name}}`).toEqual([]);
      }
      // a translation counts what German counts: no language may fall back to "Anzahl: 3"
      const counted = pluralBlocks(german.get(key) ?? '').map((block) => block.name);
      const translated = pluralBlocks(text).map((block) => block.name);
      expect(translated, `${code}: ${key}`).toEqual(expect.arrayContaining(counted));
    }
  });

  it.each(languageCodes)('keeps every apostrophe and brace-free text of %s as written', (code) => {
    // ICU quotes with apostrophes: a text must never lose one ("county's", "Würzburg'da")
    for (const [key, text] of leaves(messages[code])) {
      const values = Object.fromEntries(placeholders(text).map((name) => [name ?? '', 'X']));
      const formatted = formatMessage(code, text, values);
      expect(formatted.split("'").length, `${code}: ${key}`).toBe(text.split("'").length);
      if (!pluralBlocks(text).length) {
        expect(formatted, `${code}: ${key}`).toBe(text.replace(/\{\w+\}/g, 'X'));
      }
    }
  });

  it('marks Arabic and Farsi right-to-left and every other language left-to-right', () => {
    const rtl = languages.filter((language) => language.dir === 'rtl').map((language) => language.code);
    expect(rtl).toEqual(['ar', 'fa']);
  });

  it.each([
    [undefined, 'tr-TR,tr;q=0.9,en;q=0.8', 'tr'],
    [undefined, 'fr-FR, en;q=0.5', 'en'],
    [undefined, 'fr', 'de'],
    ['ar', 'en', 'ar'],
    ['xx', 'uk-UA', 'uk'],
    [undefined, 'en;q=0.2, fa;q=0.9', 'fa'],
    [undefined, undefined, 'de'],
  ])('negotiates explicit %s with Accept-Language %s to %s', (explicit, header, expected) => {
    expect(negotiateLanguage(explicit, header)).toBe(expected);
  });

  it('fills placeholders in the chosen language', () => {
    expect(translate('de', 'validation.too_long', { maximum: 200 })).toContain('200');
    expect(translate('en', 'validation.too_long', { maximum: 200 })).toContain('200');
  });

  it.each([
    ['de', 'bot.offeringsFound', { count: 1 }, 'Ich habe 1 passendes Angebot gefunden:'],
    ['de', 'bot.offeringsFound', { count: 4 }, 'Ich habe 4 passende Angebote gefunden:'],
    [
      'de',
      'workshopStaff.announced',
      { mailed: 1, already: 2 },
      '1 Einrichtung angeschrieben; 2 hatten die Ankündigung schon.',
    ],
    ['en', 'bot.offeringsFound', { count: 1 }, 'I found 1 matching offering:'],
    [
      'ar',
      'workshop.full',
      { waiting: 1 },
      'اكتمل العدد – يمكنكم التسجيل في قائمة الانتظار (شخص واحد ينتظر).',
    ],
    [
      'ar',
      'workshop.full',
      { waiting: 11 },
      'اكتمل العدد – يمكنكم التسجيل في قائمة الانتظار (11 شخصًا ينتظرون).',
    ],
    ['ru', 'bot.offeringsFound', { count: 3 }, 'Найдено 3 подходящих предложения:'],
    ['uk', 'bot.offeringsFound', { count: 5 }, 'Знайдено 5 відповідних пропозицій:'],
  ] as const)('counts with the plural rules of %s: %s %o', (language, key, params, expected) => {
    expect(translate(language, key, params)).toBe(expected);
  });
});
