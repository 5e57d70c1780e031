import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageCodes, sourceLanguage } from '../../shared/i18n/languages';
import { type KnowledgeEntry, loadKnowledgeBase } from './knowledge-base';

const contentDir = join(import.meta.dirname, '../../../content/knowledge');
const knowledgeBase = loadKnowledgeBase();
const german = knowledgeBase[sourceLanguage];
const translations = languageCodes.filter((code) => code !== sourceLanguage);

/** What must not differ between languages: everything but the texts. */
const skeleton = (entry: KnowledgeEntry) => ({
  id: entry.id,
  section: entry.section,
  links: entry.links,
  related: entry.related,
});

const allTexts = (entry: KnowledgeEntry) => [
  entry.title,
  entry.answer,
  ...entry.questions,
  ...entry.keywords,
];

/** Numbers as ASCII digits, so that Persian and Arabic-Indic figures compare with German ones. */
const numbersIn = (text: string) =>
  (
    text
      .replace(/[\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
      .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
      .match(/\d+/g) ?? []
  ).sort();

const url = /https?:\/\/|www\.|\b[\p{L}\d-]+\.(?:de|com|org|net|eu|info|bayern)\b/iu;
const email = /\S@\S/;
const phone = /(?:\+\d|\b0\d)[\d\s/()-]{4,}\d|\d(?:[\s/()-]?\d){6,}/;

describe('knowledge base files', () => {
  it('has one file per supported language and no other', () => {
    const files = readdirSync(contentDir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.replace('.json', ''))
      .sort();
    expect(files).toEqual([...languageCodes].sort());
  });

  it('gives every German entry a unique id', () => {
    const ids = german.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(translations)(
    'has the same ids, sections, links and related entries in %s as in German',
    (code) => {
      expect(knowledgeBase[code].map(skeleton)).toEqual(german.map(skeleton));
    },
  );

  it('relates entries only to other entries that exist', () => {
    const ids = new Set(german.map((entry) => entry.id));
    for (const entry of german) {
      for (const related of entry.related) {
        expect(ids.has(related), `${entry.id} → ${related}`).toBe(true);
        expect(related, `${entry.id} relates to itself`).not.toBe(entry.id);
      }
    }
  });
});

describe.each(languageCodes)('knowledge entries in %s', (code) => {
  const entries = knowledgeBase[code];

  it.each(entries.map((entry) => [entry.id, entry] as const))(
    'gives %s a title, an answer of one to four sentences and at least four questions',
    (_id, entry) => {
      expect(entry.title.trim()).not.toBe('');
      expect(entry.answer.trim()).not.toBe('');
      const sentences = entry.answer.match(/[.!?؟](?=\s|$)/g) ?? [];
      expect(sentences.length).toBeGreaterThanOrEqual(1);
      expect(sentences.length).toBeLessThanOrEqual(4);
      expect(entry.questions.length).toBeGreaterThanOrEqual(4);
    },
  );

  it('writes no URL, e-mail address or phone number into any text (they come from configuration)', () => {
    const offending = entries.flatMap((entry) =>
      allTexts(entry)
        .filter((text) => url.test(text) || email.test(text) || phone.test(text))
        .map((text) => `${entry.id}: ${text}`),
    );
    expect(offending).toEqual([]);
  });

  it('lists each question under one entry only', () => {
    const questions = entries.flatMap((entry) => entry.questions.map((question) => question.toLowerCase()));
    expect(questions.length - new Set(questions).size).toBe(0);
  });

  it('keeps every date, size and period of the German answer', () => {
    const germanById = new Map(german.map((entry) => [entry.id, entry]));
    for (const entry of entries) {
      expect(numbersIn(entry.answer), entry.id).toEqual(numbersIn(germanById.get(entry.id)?.answer ?? ''));
    }
  });
});
