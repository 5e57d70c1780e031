import { z } from 'zod';
import ar from '../../../content/knowledge/ar.json';
import de from '../../../content/knowledge/de.json';
import en from '../../../content/knowledge/en.json';
import fa from '../../../content/knowledge/fa.json';
import ru from '../../../content/knowledge/ru.json';
import tr from '../../../content/knowledge/tr.json';
import uk from '../../../content/knowledge/uk.json';
import milestones from '../../../content/milestones.json';
import { type Language, languageCodes } from '../../shared/i18n/languages';

/**
 * The chatbot's knowledge base about the Integrationskonzeption (the county's integration concept): one
 * file per language under `content/knowledge/`, German the source of truth, written from the county's
 * own page. Facts that change or belong to one deployment (document links, the county's contact
 * details, the current milestones) are not in the texts: an entry names them by a configuration key in
 * `links`, and the bot and the concept page resolve that key from configuration.
 */

/** Configuration keys an entry may refer to; resolved at run time, never written into an answer. */
export const knowledgeLinkKeys = ['documents.surveyEvaluation', 'contact.integration'] as const;
export const KnowledgeLinkKey = z.enum(knowledgeLinkKeys);
export type KnowledgeLinkKey = z.infer<typeof KnowledgeLinkKey>;

const slug = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
const line = (max: number) => z.string().trim().min(1).max(max);

export const KnowledgeEntry = z.strictObject({
  /** Stable across languages and releases: the eval set and the matcher refer to it. */
  id: slug,
  /** The anchor of the entry's part of the public concept page, `/concept#<section>`. */
  section: slug,
  title: line(120),
  /** One to four short sentences in plain language. */
  answer: line(700),
  /** Typical phrasings of the question in the entry's language: what a matcher indexes. */
  questions: z.array(line(200)).min(4).max(24),
  /** Topic words and common synonyms, including German terms residents may know. */
  keywords: z.array(line(60)).min(1).max(40),
  links: z.array(KnowledgeLinkKey).max(3).default([]),
  related: z.array(slug).max(6).default([]),
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntry>;

export const KnowledgeFile = z.strictObject({
  language: z.enum(languageCodes),
  entries: z.array(KnowledgeEntry).min(1).max(200),
});
export type KnowledgeFile = z.infer<typeof KnowledgeFile>;

export type KnowledgeBase = Record<Language, KnowledgeEntry[]>;

const files: Record<Language, unknown> = { de, en, ar, tr, uk, ru, fa };

let loaded: KnowledgeBase | undefined;

/**
 * Every language's entries, validated once. Throws (naming the language) when a file does not match
 * the schema or declares another language than its name, so a broken file stops the function at start.
 */
export function loadKnowledgeBase(): KnowledgeBase {
  if (loaded) return loaded;
  const result = {} as KnowledgeBase;
  for (const language of languageCodes) {
    const parsed = KnowledgeFile.safeParse(files[language]);
    if (!parsed.success) {
      throw new Error(`content/knowledge/${language}.json is invalid: ${z.prettifyError(parsed.error)}`);
    }
    if (parsed.data.language !== language) {
      throw new Error(`content/knowledge/${language}.json declares language ${parsed.data.language}`);
    }
    result[language] = parsed.data.entries;
  }
  loaded = result;
  return result;
}

/**
 * What staff may write in one language of an entry: the texts, not its id, section or links; with the
 * files' limits, so a staff edit is always a valid entry.
 */
export const KnowledgeTexts = KnowledgeEntry.pick({
  title: true,
  answer: true,
  questions: true,
  keywords: true,
});
export type KnowledgeTexts = z.infer<typeof KnowledgeTexts>;

export const MilestoneText = z.strictObject({
  title: line(160),
  description: z.string().trim().max(1000).default(''),
});
export type MilestoneText = z.infer<typeof MilestoneText>;

const optionalText = MilestoneText.optional();

/**
 * A dated step of the concept's process ("where does it stand now?"). German is required, the other
 * languages are optional and fall back to German, marked as such. The date may be a month
 * (`2019-05`) when the county named no day.
 */
export const Milestone = z.strictObject({
  id: slug,
  date: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/),
  link: KnowledgeLinkKey.optional(),
  texts: z.strictObject({
    de: MilestoneText,
    en: optionalText,
    ar: optionalText,
    tr: optionalText,
    uk: optionalText,
    ru: optionalText,
    fa: optionalText,
  }),
});
export type Milestone = z.infer<typeof Milestone>;

export const MilestoneFile = z.strictObject({ milestones: z.array(Milestone).max(200) });

let seededMilestones: Milestone[] | undefined;

/** The milestones written from the county's text (`content/milestones.json`), oldest first. */
export function loadSeedMilestones(): Milestone[] {
  if (seededMilestones) return seededMilestones;
  const parsed = MilestoneFile.safeParse(milestones);
  if (!parsed.success) {
    throw new Error(`content/milestones.json is invalid: ${z.prettifyError(parsed.error)}`);
  }
  seededMilestones = [...parsed.data.milestones].sort((a, b) => a.date.localeCompare(b.date));
  return seededMilestones;
}
