import { z } from 'zod';
import { languageCodes } from '../../shared/i18n/languages';
import { KnowledgeLinkKey, KnowledgeTexts, Milestone } from './knowledge-base';

const language = z.enum(languageCodes);
const slug = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
const version = z.coerce.number().int().min(0).max(1_000_000);

export const ConceptQuery = z.strictObject({ lang: z.string().max(10).optional() });

const ConceptLink = z.object({
  key: KnowledgeLinkKey,
  label: z.string(),
  /** A document's address from configuration; absent when the county configured none. */
  url: z.string().optional(),
  /** A text from configuration (the county's contact details). */
  text: z.string().optional(),
});

/** The public concept page in one language, from the same knowledge the bot answers with. */
export const ConceptPage = z.object({
  language,
  sections: z.array(
    z.object({
      /** The anchor: `/concept#<section>`, as the bot's answers link to it. */
      section: z.string(),
      entries: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          answer: z.string(),
          /** The language the text is in: German when the entry is not translated yet. */
          textLanguage: language,
          fallback: z.boolean(),
          links: z.array(ConceptLink),
        }),
      ),
    }),
  ),
  /** Newest first. */
  milestones: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      dateLabel: z.string(),
      title: z.string(),
      description: z.string(),
      textLanguage: language,
      fallback: z.boolean(),
      link: ConceptLink.optional(),
    }),
  ),
  contact: z.string(),
});

export const EntryIdParams = z.strictObject({ entryId: slug });
export const EntryLanguageParams = z.strictObject({ entryId: slug, language });
export const MilestoneIdParams = z.strictObject({ milestoneId: slug });
export const ExpectedVersionQuery = z.strictObject({
  lang: z.string().max(10).optional(),
  expectedVersion: version,
});

const TranslationState = z.enum(['current', 'missing', 'outdated']);
const Origin = z.enum(['seed', 'staff']);

export const KnowledgeOverview = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      section: z.string(),
      /** The German title. */
      title: z.string(),
      origin: Origin,
      languages: z.array(z.object({ language, state: TranslationState, origin: Origin.optional() })),
    }),
  ),
  translationsNeeded: z.array(
    z.object({ entryId: z.string(), language, reason: z.enum(['missing', 'outdated']) }),
  ),
});

export const KnowledgeEntryView = z.object({
  id: z.string(),
  section: z.string(),
  links: z.array(KnowledgeLinkKey),
  texts: z.array(
    z.object({
      language,
      state: TranslationState,
      /** Where the text comes from; absent while the language has none. */
      origin: Origin.optional(),
      /** 0 while the text is the seeded one: the first save creates the staff version. */
      version: z.number().int(),
      updatedAt: z.string().optional(),
      texts: KnowledgeTexts.optional(),
    }),
  ),
});

export const SaveKnowledgeTextsRequest = KnowledgeTexts.extend({ expectedVersion: version });

export const CreateKnowledgeEntryRequest = z.strictObject({ id: slug, section: slug, texts: KnowledgeTexts });

export const MilestoneView = Milestone.extend({ origin: Origin, version: z.number().int() });
export const MilestoneList = z.object({ milestones: z.array(MilestoneView) });

export const SaveMilestoneRequest = z.strictObject({
  date: Milestone.shape.date,
  link: KnowledgeLinkKey.optional(),
  texts: Milestone.shape.texts,
  expectedVersion: version,
});

export const Removed = z.object({ removed: z.literal(true) });
