import { describe, expect, it } from 'vitest';
import { languageCodes } from '../../shared/i18n/languages';
import { offeredLanguages, offeringCategories, placeIds } from '../../survey/questionnaire';
import { loadKnowledgeBase } from '../knowledge/knowledge-base';
import { loadEvalSet } from './eval-set';

const evalSet = loadEvalSet();
const knowledgeBase = loadKnowledgeBase();
const entryIds = new Set(knowledgeBase.de.map((entry) => entry.id));

/** Longest run of words an eval question may share with any knowledge-base text. */
const MAX_SHARED_RUN = 4;

/**
 * Words for comparison: lower case, diacritics and punctuation removed, split on whitespace. Removing
 * diacritics is stricter than case alone: "fur" and "für" count as the same word.
 */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .split(/\s+/)
    .filter((word) => word !== '');
}

function runs(text: string, length: number): string[] {
  const tokens = words(text);
  const result: string[] = [];
  for (let start = 0; start + length <= tokens.length; start++) {
    result.push(tokens.slice(start, start + length).join(' '));
  }
  return result;
}

describe('evaluation set', () => {
  it('never shares a run of more than four words with the knowledge base, in any language', () => {
    const knowledgeRuns = new Set(
      languageCodes.flatMap((code) =>
        knowledgeBase[code].flatMap((entry) =>
          [entry.title, entry.answer, ...entry.questions, ...entry.keywords].flatMap((text) =>
            runs(text, MAX_SHARED_RUN + 1),
          ),
        ),
      ),
    );
    const copied = evalSet.flatMap((item) =>
      runs(item.question, MAX_SHARED_RUN + 1)
        .filter((run) => knowledgeRuns.has(run))
        .map((run) => `${item.language}: "${item.question}" shares "${run}"`),
    );
    expect(copied).toEqual([]);
  });

  it('would catch a question copied from the knowledge base', () => {
    const copied =
      knowledgeBase.de.flatMap((entry) => entry.questions).find((q) => words(q).length > 4) ?? '';
    const knowledgeRuns = new Set(runs(copied, MAX_SHARED_RUN + 1));
    expect(
      runs(`hallo ${copied.toUpperCase()}!`, MAX_SHARED_RUN + 1).some((run) => knowledgeRuns.has(run)),
    ).toBe(true);
  });

  it.each(languageCodes)('has at least 20 questions in %s, at least a quarter out of scope', (code) => {
    const items = evalSet.filter((item) => item.language === code);
    const outOfScope = items.filter((item) => item.expect.kind === 'out_of_scope');
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(outOfScope.length / items.length).toBeGreaterThanOrEqual(0.25);
  });

  it.each(languageCodes)('asks about both the concept and offerings in %s', (code) => {
    const items = evalSet.filter((item) => item.language === code);
    for (const kind of ['knowledge', 'offerings'] as const) {
      const share = items.filter((item) => item.expect.kind === kind).length / items.length;
      expect(share, kind).toBeGreaterThanOrEqual(0.2);
    }
  });

  it('expects only knowledge entries that exist', () => {
    const unknown = evalSet.flatMap((item) =>
      item.expect.kind === 'knowledge' && !entryIds.has(item.expect.entryId) ? [item.expect.entryId] : [],
    );
    expect(unknown).toEqual([]);
  });

  it('names only categories, places and languages of the questionnaire', () => {
    const places = new Set<string>(placeIds);
    const offerings = evalSet.flatMap((item) => (item.expect.kind === 'offerings' ? [item.expect] : []));
    for (const expectation of offerings) {
      expect(offeringCategories).toContain(expectation.category);
      if (expectation.place) expect(places.has(expectation.place), expectation.place).toBe(true);
      if (expectation.offeredLanguage) expect(offeredLanguages).toContain(expectation.offeredLanguage);
    }
  });

  it('asks about every knowledge entry in at least three languages', () => {
    for (const id of entryIds) {
      const languages = new Set(
        evalSet
          .filter((item) => item.expect.kind === 'knowledge' && item.expect.entryId === id)
          .map((item) => item.language),
      );
      expect(languages.size, id).toBeGreaterThanOrEqual(3);
    }
  });

  it('asks for every offering category except "other"', () => {
    const asked = new Set(
      evalSet.flatMap((item) => (item.expect.kind === 'offerings' ? [item.expect.category] : [])),
    );
    expect(offeringCategories.filter((category) => category !== 'other' && !asked.has(category))).toEqual([]);
  });

  it('has no question twice', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const item of evalSet) {
      const key = words(item.question).join(' ');
      if (seen.has(key)) duplicates.push(item.question);
      seen.set(key, item.question);
    }
    expect(duplicates).toEqual([]);
  });
});
