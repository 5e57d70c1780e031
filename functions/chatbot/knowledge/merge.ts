import { type Language, languageCodes, sourceLanguage } from '../../shared/i18n/languages';
import type {
  KnowledgeBase,
  KnowledgeEntry,
  KnowledgeLinkKey,
  KnowledgeTexts,
  Milestone,
} from './knowledge-base';

/**
 * Staff edits over the seeded files. The files in `content/knowledge/` are the base; the store holds
 * one override per entry and language (and per milestone), each with a version. An override always
 * wins over the file, so re-seeding (a new release with changed files) never undoes a staff edit.
 */
export interface EntryOverride {
  entryId: string;
  language: Language;
  /** Only meaningful on the German override of an entry staff created; otherwise German's is used. */
  section: string;
  links: KnowledgeLinkKey[];
  texts: KnowledgeTexts;
  updatedAt: string;
  version: number;
}

export interface MilestoneOverride {
  milestoneId: string;
  /** Undefined when staff removed the milestone (a seeded one stays removed). */
  milestone: Milestone | undefined;
  updatedAt: string;
  version: number;
}

export interface KnowledgeOverrides {
  entries: EntryOverride[];
  milestones: MilestoneOverride[];
}

/** The knowledge the bot and the concept page use: every language's entries and the milestones. */
export interface MergedKnowledge {
  base: KnowledgeBase;
  /** Oldest first. */
  milestones: Milestone[];
}

function fromOverride(override: EntryOverride, german: KnowledgeEntry | undefined): KnowledgeEntry {
  return {
    id: override.entryId,
    section: german?.section ?? override.section,
    title: override.texts.title,
    answer: override.texts.answer,
    questions: override.texts.questions,
    keywords: override.texts.keywords,
    links: german?.links ?? override.links,
    related: german?.related ?? [],
  };
}

function mergeLanguage(
  seed: KnowledgeEntry[],
  overrides: EntryOverride[],
  german: Map<string, KnowledgeEntry> | undefined,
): KnowledgeEntry[] {
  const merged = new Map(seed.map((entry) => [entry.id, entry]));
  for (const override of overrides) {
    merged.set(override.entryId, fromOverride(override, german?.get(override.entryId)));
  }
  // Section, links and related entries are the German entry's in every language, so a page and an
  // answer never disagree about where an entry belongs.
  return [...merged.values()]
    .filter((entry) => !german || german.has(entry.id))
    .map((entry) => {
      const source = german?.get(entry.id);
      return source
        ? { ...entry, section: source.section, links: source.links, related: source.related }
        : entry;
    });
}

export function mergeKnowledge(
  seed: KnowledgeBase,
  seedMilestones: Milestone[],
  overrides: KnowledgeOverrides,
): MergedKnowledge {
  const byLanguage = (language: Language) =>
    overrides.entries.filter((override) => override.language === language);
  const germanEntries = mergeLanguage(seed[sourceLanguage] ?? [], byLanguage(sourceLanguage), undefined);
  const german = new Map(germanEntries.map((entry) => [entry.id, entry]));
  const base = {} as KnowledgeBase;
  for (const language of languageCodes) {
    base[language] =
      language === sourceLanguage
        ? germanEntries
        : mergeLanguage(seed[language] ?? [], byLanguage(language), german);
  }
  return { base, milestones: mergeMilestones(seedMilestones, overrides.milestones) };
}

/** The seeded milestones with staff's edits and removals, oldest first (also read by the concept's status). */
export function mergeMilestones(seedMilestones: Milestone[], overrides: MilestoneOverride[]): Milestone[] {
  const milestones = new Map(seedMilestones.map((milestone) => [milestone.id, milestone]));
  for (const override of overrides) {
    if (override.milestone) milestones.set(override.milestoneId, override.milestone);
    else milestones.delete(override.milestoneId);
  }
  return [...milestones.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The entry in the reader's language, or the German one when it has not been translated yet
 * (`fallback` tells the caller to say so in the reader's language).
 */
export function entryInLanguage(
  base: KnowledgeBase,
  language: Language,
  entryId: string,
): { entry: KnowledgeEntry; language: Language; fallback: boolean } | undefined {
  const own = base[language]?.find((entry) => entry.id === entryId);
  if (own) return { entry: own, language, fallback: false };
  const german = base[sourceLanguage]?.find((entry) => entry.id === entryId);
  return german
    ? { entry: german, language: sourceLanguage, fallback: language !== sourceLanguage }
    : undefined;
}

/** A milestone's text in the reader's language, or German (marked) when it has none. */
export function milestoneText(
  milestone: Milestone,
  language: Language,
): { title: string; description: string; language: Language; fallback: boolean } {
  const own = milestone.texts[language];
  if (own) return { ...own, language, fallback: false };
  return { ...milestone.texts.de, language: sourceLanguage, fallback: language !== sourceLanguage };
}

export type TranslationState = 'current' | 'missing' | 'outdated';

export interface TranslationNeed {
  entryId: string;
  language: Language;
  reason: Exclude<TranslationState, 'current'>;
}

/**
 * What needs translating: every entry × language that has no text at all, or whose text is older than
 * the German edit (a seeded translation counts as older than any staff edit of the German text).
 */
export function translationsNeeded(seed: KnowledgeBase, overrides: KnowledgeOverrides): TranslationNeed[] {
  const override = (entryId: string, language: Language) =>
    overrides.entries.find((candidate) => candidate.entryId === entryId && candidate.language === language);
  const germanIds = [
    ...new Set([
      ...(seed[sourceLanguage] ?? []).map((entry) => entry.id),
      ...overrides.entries.filter((o) => o.language === sourceLanguage).map((o) => o.entryId),
    ]),
  ];
  const needs: TranslationNeed[] = [];
  for (const entryId of germanIds) {
    const germanEdit = override(entryId, sourceLanguage);
    for (const language of languageCodes) {
      if (language === sourceLanguage) continue;
      const own = override(entryId, language);
      const seeded = (seed[language] ?? []).some((entry) => entry.id === entryId);
      if (!own && !seeded) needs.push({ entryId, language, reason: 'missing' });
      else if (germanEdit && (!own || own.updatedAt < germanEdit.updatedAt))
        needs.push({ entryId, language, reason: 'outdated' });
    }
  }
  return needs;
}
