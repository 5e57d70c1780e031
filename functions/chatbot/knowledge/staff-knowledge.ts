import type { z } from 'zod';
import { DomainError, notFound } from '../../shared/domain/errors';
import { type Language, languageCodes, sourceLanguage } from '../../shared/i18n/languages';
import { formatMilestoneDate, type KnowledgeLinks, linkLabel } from './answer';
import type { KnowledgeBase, KnowledgeLinkKey, KnowledgeTexts, Milestone } from './knowledge-base';
import {
  entryInLanguage,
  type KnowledgeOverrides,
  type MergedKnowledge,
  mergeKnowledge,
  milestoneText,
  type TranslationState,
  translationsNeeded,
} from './merge';
import type {
  ConceptPage,
  CreateKnowledgeEntryRequest,
  KnowledgeEntryView,
  KnowledgeOverview,
  MilestoneList,
  MilestoneView,
  SaveMilestoneRequest,
} from './schemas';

/** What the staff use cases need: the seeded files and the store of overrides. */
export interface KnowledgeOverrideStore {
  overrides(): Promise<KnowledgeOverrides>;
  saveEntry(
    override: {
      entryId: string;
      language: Language;
      section: string;
      links: KnowledgeLinkKey[];
      texts: KnowledgeTexts;
      updatedAt: string;
    },
    expectedVersion: number,
    updatedBy: string,
    revision: string,
  ): Promise<number>;
  saveMilestone(
    milestoneId: string,
    milestone: Milestone | undefined,
    updatedAt: string,
    expectedVersion: number,
    revision: string,
  ): Promise<number>;
}

export interface StaffKnowledgeDeps {
  store: KnowledgeOverrideStore;
  seed: KnowledgeBase;
  seedMilestones: Milestone[];
  now: () => Date;
}

function revisionAt(now: Date, what: string): string {
  return `${now.toISOString()}#${what}`;
}

function stateOf(
  seed: KnowledgeBase,
  overrides: KnowledgeOverrides,
  entryId: string,
  language: Language,
): TranslationState {
  return (
    translationsNeeded(seed, overrides).find((need) => need.entryId === entryId && need.language === language)
      ?.reason ?? 'current'
  );
}

export async function knowledgeOverview(
  deps: StaffKnowledgeDeps,
): Promise<z.input<typeof KnowledgeOverview>> {
  const overrides = await deps.store.overrides();
  const merged = mergeKnowledge(deps.seed, deps.seedMilestones, overrides);
  const needs = translationsNeeded(deps.seed, overrides);
  const seededIds = new Set((deps.seed[sourceLanguage] ?? []).map((entry) => entry.id));
  const originOf = (entryId: string, language: Language) =>
    overrides.entries.some((o) => o.entryId === entryId && o.language === language)
      ? ('staff' as const)
      : (deps.seed[language] ?? []).some((entry) => entry.id === entryId)
        ? ('seed' as const)
        : undefined;
  return {
    entries: (merged.base[sourceLanguage] ?? []).map((entry) => ({
      id: entry.id,
      section: entry.section,
      title: entry.title,
      origin: seededIds.has(entry.id) ? 'seed' : 'staff',
      languages: languageCodes.map((language) => {
        const origin = originOf(entry.id, language);
        return {
          language,
          state:
            needs.find((need) => need.entryId === entry.id && need.language === language)?.reason ??
            'current',
          ...(origin ? { origin } : {}),
        };
      }),
    })),
    translationsNeeded: needs,
  };
}

export async function knowledgeEntryView(
  deps: StaffKnowledgeDeps,
  entryId: string,
  known?: KnowledgeOverrides,
): Promise<z.input<typeof KnowledgeEntryView>> {
  const overrides = known ?? (await deps.store.overrides());
  const merged = mergeKnowledge(deps.seed, deps.seedMilestones, overrides);
  const german = merged.base[sourceLanguage]?.find((entry) => entry.id === entryId);
  if (!german) throw notFound('knowledge entry');
  return {
    id: german.id,
    section: german.section,
    links: german.links,
    texts: languageCodes.map((language) => {
      const override = overrides.entries.find((o) => o.entryId === entryId && o.language === language);
      const entry = merged.base[language]?.find((candidate) => candidate.id === entryId);
      return {
        language,
        state: stateOf(deps.seed, overrides, entryId, language),
        ...(override ? { origin: 'staff' as const } : entry ? { origin: 'seed' as const } : {}),
        version: override?.version ?? 0,
        ...(override ? { updatedAt: override.updatedAt } : {}),
        ...(entry
          ? {
              texts: {
                title: entry.title,
                answer: entry.answer,
                questions: entry.questions,
                keywords: entry.keywords,
              },
            }
          : {}),
      };
    }),
  };
}

/**
 * 1. The entry must exist in German (a translation needs its source).
 * 2. The text is saved as this language's override, with the version the editor read.
 * 3. The answer shows the entry as it now is.
 */
export async function saveEntryTexts(
  deps: StaffKnowledgeDeps,
  entryId: string,
  language: Language,
  input: KnowledgeTexts & { expectedVersion: number },
  staffId: string,
): Promise<z.input<typeof KnowledgeEntryView>> {
  const overrides = await deps.store.overrides();
  const merged = mergeKnowledge(deps.seed, deps.seedMilestones, overrides);
  const german = merged.base[sourceLanguage]?.find((entry) => entry.id === entryId);
  if (!german) throw notFound('knowledge entry');
  const { expectedVersion, ...texts } = input;
  const now = deps.now();
  await deps.store.saveEntry(
    { entryId, language, section: german.section, links: german.links, texts, updatedAt: now.toISOString() },
    expectedVersion,
    staffId,
    revisionAt(now, `${entryId}/${language}`),
  );
  return knowledgeEntryView(deps, entryId);
}

/** A new entry starts in German; its id must be new, its section may be new or an existing one. */
export async function createEntry(
  deps: StaffKnowledgeDeps,
  input: z.output<typeof CreateKnowledgeEntryRequest>,
  staffId: string,
): Promise<z.input<typeof KnowledgeEntryView>> {
  const overrides = await deps.store.overrides();
  const merged = mergeKnowledge(deps.seed, deps.seedMilestones, overrides);
  if (merged.base[sourceLanguage]?.some((entry) => entry.id === input.id)) {
    throw new DomainError('conflict', 'knowledge entry exists', [{ field: 'body.id', code: 'taken' }]);
  }
  const now = deps.now();
  await deps.store.saveEntry(
    {
      entryId: input.id,
      language: sourceLanguage,
      section: input.section,
      links: [],
      texts: input.texts,
      updatedAt: now.toISOString(),
    },
    0,
    staffId,
    revisionAt(now, `${input.id}/${sourceLanguage}`),
  );
  return knowledgeEntryView(deps, input.id);
}

function milestoneViews(
  seedMilestones: Milestone[],
  overrides: KnowledgeOverrides,
): z.input<typeof MilestoneView>[] {
  const merged = mergeKnowledge({} as KnowledgeBase, seedMilestones, overrides);
  return merged.milestones
    .map((milestone) => {
      const override = overrides.milestones.find((o) => o.milestoneId === milestone.id);
      return {
        ...milestone,
        origin: override ? ('staff' as const) : ('seed' as const),
        version: override?.version ?? 0,
      };
    })
    .reverse();
}

/** Every milestone, newest first, with the version an edit must name. */
export async function milestoneList(deps: StaffKnowledgeDeps): Promise<z.input<typeof MilestoneList>> {
  return { milestones: milestoneViews(deps.seedMilestones, await deps.store.overrides()) };
}

export async function saveMilestone(
  deps: StaffKnowledgeDeps,
  milestoneId: string,
  input: z.output<typeof SaveMilestoneRequest>,
): Promise<z.input<typeof MilestoneView>> {
  const { expectedVersion, ...fields } = input;
  const milestone: Milestone = { id: milestoneId, ...fields };
  const now = deps.now();
  await deps.store.saveMilestone(
    milestoneId,
    milestone,
    now.toISOString(),
    expectedVersion,
    revisionAt(now, `milestone/${milestoneId}`),
  );
  const saved = milestoneViews(deps.seedMilestones, await deps.store.overrides()).find(
    (view) => view.id === milestoneId,
  );
  if (!saved) throw notFound('milestone');
  return saved;
}

/** Removes a milestone; a seeded one stays removed (the override marks it), whatever a new release seeds. */
export async function removeMilestone(
  deps: StaffKnowledgeDeps,
  milestoneId: string,
  expectedVersion: number,
): Promise<{ removed: true }> {
  const overrides = await deps.store.overrides();
  const merged = mergeKnowledge({} as KnowledgeBase, deps.seedMilestones, overrides);
  if (!merged.milestones.some((milestone) => milestone.id === milestoneId)) throw notFound('milestone');
  const now = deps.now();
  await deps.store.saveMilestone(
    milestoneId,
    undefined,
    now.toISOString(),
    expectedVersion,
    revisionAt(now, `milestone/${milestoneId}`),
  );
  return { removed: true };
}

/**
 * The public concept page: one section per anchor (entries sharing a section follow each other), each
 * text in the reader's language or German with a note, the configured links, and the milestones.
 */
export function conceptPage(
  knowledge: MergedKnowledge,
  language: Language,
  configured: { links: KnowledgeLinks; contact: string },
): z.input<typeof ConceptPage> {
  const sections: z.input<typeof ConceptPage>['sections'] = [];
  const link = (key: KnowledgeLinkKey) => {
    const value = configured.links[key];
    return {
      key,
      label: linkLabel(language, key),
      ...(key === 'contact.integration' ? { text: configured.contact } : value ? { url: value } : {}),
    };
  };
  for (const german of knowledge.base[sourceLanguage] ?? []) {
    const found = entryInLanguage(knowledge.base, language, german.id);
    if (!found) continue;
    const entry = {
      id: german.id,
      title: found.entry.title,
      answer: found.entry.answer,
      textLanguage: found.language,
      fallback: found.fallback,
      links: german.links.map(link),
    };
    const section = sections.find((candidate) => candidate.section === german.section);
    if (section) section.entries.push(entry);
    else sections.push({ section: german.section, entries: [entry] });
  }
  return {
    language,
    sections,
    milestones: [...knowledge.milestones].reverse().map((milestone) => {
      const text = milestoneText(milestone, language);
      return {
        id: milestone.id,
        date: milestone.date,
        dateLabel: formatMilestoneDate(milestone.date, language),
        title: text.title,
        description: text.description,
        textLanguage: text.language,
        fallback: text.fallback,
        ...(milestone.link ? { link: link(milestone.link) } : {}),
      };
    }),
    contact: configured.contact,
  };
}
