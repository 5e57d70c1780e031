import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/i18n/languages';
import { composeKnowledgeAnswer } from './answer';
import type { KnowledgeBase, KnowledgeEntry, Milestone } from './knowledge-base';
import { LiveKnowledge } from './live-knowledge';
import { type EntryOverride, type KnowledgeOverrides, mergeKnowledge, translationsNeeded } from './merge';
import { conceptPage } from './staff-knowledge';

function entry(id: string, title: string, answer = `${title}.`): KnowledgeEntry {
  return {
    id,
    section: id,
    title,
    answer,
    questions: [`${title}?`],
    keywords: [title],
    links: [],
    related: [],
  };
}

function seedBase(): KnowledgeBase {
  const empty = { de: [], en: [], ar: [], tr: [], uk: [], ru: [], fa: [] } as KnowledgeBase;
  return {
    ...empty,
    de: [
      entry('steering-committee', 'Der Steuerungskreis', 'Der Steuerungskreis steuert das Projekt.'),
      entry('workshop', 'Der Workshop'),
    ],
    en: [
      entry('steering-committee', 'The steering committee', 'The steering committee steers the project.'),
      entry('workshop', 'The workshop'),
    ],
    tr: [entry('steering-committee', 'Yönlendirme kurulu', 'Yönlendirme kurulu projeyi yönetir.')],
  };
}

function override(
  entryId: string,
  language: Language,
  answer: string,
  updatedAt: string,
  version = 1,
): EntryOverride {
  return {
    entryId,
    language,
    section: entryId,
    links: [],
    texts: { title: `${entryId} (${language})`, answer, questions: ['Frage?'], keywords: [] },
    updatedAt,
    version,
  };
}

const none: KnowledgeOverrides = { entries: [], milestones: [] };
const milestones: Milestone[] = [
  {
    id: 'first',
    date: '2019-01-23',
    texts: { de: { title: 'Auswertung der Online-Umfrage', description: '' } },
  },
  {
    id: 'second',
    date: '2019-05',
    texts: {
      de: { title: 'Workshop-Nachmittag', description: '' },
      en: { title: 'Workshop afternoon', description: '' },
    },
  },
];

describe('merging staff edits over the seeded knowledge', () => {
  it('answers with the staff edit instead of the seeded text', () => {
    const merged = mergeKnowledge(seedBase(), [], {
      entries: [
        override(
          'steering-committee',
          'de',
          'Neu: vier Personen steuern das Projekt.',
          '2026-11-01T10:00:00Z',
        ),
      ],
      milestones: [],
    });
    expect(merged.base.de.find((e) => e.id === 'steering-committee')?.answer).toBe(
      'Neu: vier Personen steuern das Projekt.',
    );
    expect(merged.base.en.find((e) => e.id === 'steering-committee')?.answer).toBe(
      'The steering committee steers the project.',
    );
  });

  it('keeps the staff edit when a new release re-seeds a changed file', () => {
    const edits: KnowledgeOverrides = {
      entries: [override('workshop', 'de', 'Von Mitarbeitenden geschrieben.', '2026-11-01T10:00:00Z')],
      milestones: [],
    };
    const reseeded = seedBase();
    reseeded.de = reseeded.de.map((e) =>
      e.id === 'workshop' ? { ...e, answer: 'Neuer Text aus der Datei.' } : e,
    );
    const merged = mergeKnowledge(reseeded, [], edits);
    expect(merged.base.de.find((e) => e.id === 'workshop')?.answer).toBe('Von Mitarbeitenden geschrieben.');
  });

  it('adds an entry staff created, keeping its section in every language', () => {
    const created = {
      ...override('opening-hours', 'de', 'Montag bis Freitag.', '2026-11-01T10:00:00Z'),
      section: 'zeiten',
    };
    const merged = mergeKnowledge(seedBase(), [], { entries: [created], milestones: [] });
    expect(merged.base.de.map((e) => e.id)).toContain('opening-hours');
    expect(merged.base.tr.map((e) => e.id)).not.toContain('opening-hours');
    const translated = mergeKnowledge(seedBase(), [], {
      entries: [
        created,
        { ...override('opening-hours', 'tr', 'Pazartesi - Cuma.', '2026-11-02T10:00:00Z'), section: 'other' },
      ],
      milestones: [],
    });
    expect(translated.base.tr.find((e) => e.id === 'opening-hours')?.section).toBe('zeiten');
  });

  it('removes a seeded milestone for good and adds staff milestones in date order', () => {
    const merged = mergeKnowledge(seedBase(), milestones, {
      entries: [],
      milestones: [
        { milestoneId: 'first', milestone: undefined, updatedAt: '2026-11-01T00:00:00Z', version: 1 },
        {
          milestoneId: 'third',
          milestone: {
            id: 'third',
            date: '2026-10-01',
            texts: { de: { title: 'Erste Fassung', description: '' } },
          },
          updatedAt: '2026-11-01T00:00:00Z',
          version: 1,
        },
      ],
    });
    expect(merged.milestones.map((m) => m.id)).toEqual(['second', 'third']);
  });
});

describe('answers in a language the entry lacks', () => {
  it("answers in German with a note in the reader's language", () => {
    const merged = mergeKnowledge(seedBase(), [], none);
    const answer = composeKnowledgeAnswer(merged, 'uk', 'steering-committee', {
      publicBaseUrl: 'https://w.example',
      links: {},
    });
    expect(answer?.textLanguage).toBe('de');
    expect(answer?.text).toContain('Цю відповідь ще не перекладено українською');
    expect(answer?.text).toContain('Der Steuerungskreis steuert das Projekt.');
    expect(answer?.text).toContain('https://w.example/concept#steering-committee');
  });

  it("answers in the reader's language without a note when the entry is translated", () => {
    const merged = mergeKnowledge(seedBase(), [], none);
    const answer = composeKnowledgeAnswer(merged, 'tr', 'steering-committee', {
      publicBaseUrl: 'https://w.example',
      links: {},
    });
    expect(answer?.text.startsWith('Yönlendirme kurulu projeyi yönetir.')).toBe(true);
  });

  it('follows "where does it stand now?" with the latest milestones, newest first', () => {
    const base = seedBase();
    base.de.push(entry('current-status', 'Stand', 'So steht es.'));
    base.en.push(entry('current-status', 'Status', 'This is where it stands.'));
    const merged = mergeKnowledge(base, milestones, none);
    const answer = composeKnowledgeAnswer(merged, 'en', 'current-status', {
      publicBaseUrl: 'https://w.example',
      links: {},
    });
    expect(answer?.text).toMatch(
      /May 2019: Workshop afternoon[\s\S]*January 23, 2019: Auswertung der Online-Umfrage/,
    );
  });

  it('links a configured document and leaves an unconfigured one out', () => {
    const base = seedBase();
    base.de.push({ ...entry('documents', 'Dokumente'), links: ['documents.surveyEvaluation'] });
    const merged = mergeKnowledge(base, [], none);
    const url = 'https://www.landkreis.example/auswertung.pdf';
    const linked = composeKnowledgeAnswer(merged, 'de', 'documents', {
      publicBaseUrl: 'https://w.example',
      links: { 'documents.surveyEvaluation': url },
    });
    const unlinked = composeKnowledgeAnswer(merged, 'de', 'documents', {
      publicBaseUrl: 'https://w.example',
      links: {},
    });
    expect(linked?.text).toContain(`Auswertung der Online-Umfrage (PDF): ${url}`);
    expect(unlinked?.text).not.toContain('PDF');
    const page = conceptPage(merged, 'de', { links: {}, contact: 'Integrationsbeauftragte' });
    expect(page.sections.find((s) => s.section === 'documents')?.entries[0]?.links[0]).not.toHaveProperty(
      'url',
    );
  });
});

describe('what needs translating', () => {
  it('lists languages without a text, and translations older than the German edit', () => {
    const overrides: KnowledgeOverrides = {
      entries: [
        override('steering-committee', 'de', 'Neu.', '2026-11-02T10:00:00Z'),
        override('steering-committee', 'tr', 'Yeni.', '2026-11-03T10:00:00Z'),
      ],
      milestones: [],
    };
    const needs = translationsNeeded(seedBase(), overrides);
    const about = (id: string) =>
      needs.filter((need) => need.entryId === id).map((n) => `${n.language}:${n.reason}`);
    // The seeded English text predates the German edit; Turkish was edited after it.
    expect(about('steering-committee').sort()).toEqual([
      'ar:missing',
      'en:outdated',
      'fa:missing',
      'ru:missing',
      'uk:missing',
    ]);
    expect(about('workshop').sort()).toEqual([
      'ar:missing',
      'fa:missing',
      'ru:missing',
      'tr:missing',
      'uk:missing',
    ]);
  });

  it('marks a translation outdated again when German is edited after it', () => {
    const needs = translationsNeeded(seedBase(), {
      entries: [
        override('steering-committee', 'tr', 'Yeni.', '2026-11-03T10:00:00Z'),
        override('steering-committee', 'de', 'Noch neuer.', '2026-11-04T10:00:00Z', 2),
      ],
      milestones: [],
    });
    expect(needs).toContainEqual({ entryId: 'steering-committee', language: 'tr', reason: 'outdated' });
  });
});

describe('LiveKnowledge', () => {
  it('re-reads the revision at most every interval and rebuilds only when it changed', async () => {
    let clock = 0;
    let revision: string | undefined;
    let overridesRead = 0;
    let built = 0;
    let edits: KnowledgeOverrides = none;
    const live = new LiveKnowledge({
      seed: seedBase(),
      seedMilestones: [],
      checkEveryMs: 10_000,
      now: () => clock,
      source: {
        revision: async () => revision,
        overrides: async () => {
          overridesRead += 1;
          return edits;
        },
      },
      buildMatcher: (base) => {
        built += 1;
        return { base } as never;
      },
    });
    await live.get();
    expect([overridesRead, built]).toEqual([0, 1]);
    revision = 'r1';
    edits = { entries: [override('workshop', 'de', 'Bearbeitet.', '2026-11-01T00:00:00Z')], milestones: [] };
    clock = 5_000;
    expect((await live.get()).base.de.find((e) => e.id === 'workshop')?.answer).toBe('Der Workshop.');
    clock = 10_000;
    expect((await live.get()).base.de.find((e) => e.id === 'workshop')?.answer).toBe('Bearbeitet.');
    clock = 30_000;
    await live.get();
    expect([overridesRead, built]).toEqual([1, 2]);
  });
});

describe('LiveKnowledge when the store fails', () => {
  it('answers from the seeded files, then from the last good knowledge, and recovers', async () => {
    let clock = 0;
    let failing = true;
    const live = new LiveKnowledge({
      seed: seedBase(),
      seedMilestones: [],
      checkEveryMs: 1_000,
      now: () => clock,
      source: {
        revision: async () => {
          if (failing) throw new Error('unreachable');
          return 'r1';
        },
        overrides: async () => ({
          entries: [override('workshop', 'de', 'Bearbeitet.', '2026-11-01T00:00:00Z')],
          milestones: [],
        }),
      },
      buildMatcher: (base) => ({ base }) as never,
    });
    expect((await live.get()).base.de.find((e) => e.id === 'workshop')?.answer).toBe('Der Workshop.');
    failing = false;
    clock = 1_000;
    expect((await live.get()).base.de.find((e) => e.id === 'workshop')?.answer).toBe('Bearbeitet.');
    failing = true;
    clock = 2_000;
    expect((await live.get()).base.de.find((e) => e.id === 'workshop')?.answer).toBe('Bearbeitet.');
  });
});
