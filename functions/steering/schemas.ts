import { z } from 'zod';
import { Finding } from '../shared/domain/findings';
import { languageCodes } from '../shared/i18n/languages';
import { needCategories, placeIds, targetGroups } from '../survey/questionnaire';

/**
 * The steering committee's records (Steuerungskreis: the county's body that decides the concept's
 * content and process). A *priority* (Schwerpunkt) is a decision about what matters most, justified by
 * the evaluation; a *measure* (Maßnahme) is what someone will do about it, and by when.
 */

const language = z.enum(languageCodes);
const version = z.coerce.number().int().min(0).max(1_000_000);
const line = (max: number) => z.string().trim().min(1).max(max);

export const SteeringText = z.strictObject({
  title: line(200),
  description: z.string().trim().max(4000).default(''),
});
export type SteeringText = z.infer<typeof SteeringText>;

const optionalText = SteeringText.optional();

/**
 * Texts per language, as milestones keep them: German is required (the committee decides in German),
 * every other language is optional and falls back to German, marked as such.
 */
export const SteeringTexts = z.strictObject({
  de: SteeringText,
  en: optionalText,
  ar: optionalText,
  tr: optionalText,
  uk: optionalText,
  ru: optionalText,
  fa: optionalText,
});
export type SteeringTexts = z.infer<typeof SteeringTexts>;

export const findingSources = ['interview', 'workshop'] as const;

/** A finding of an expert interview or the workshop, by its id (ids are kept with their notes). */
export const FindingReference = z.strictObject({
  source: z.enum(findingSources),
  findingId: Finding.shape.findingId,
});

/** The gap view's columns: the places and the target groups (see the evaluation's `GapView`). */
export const gapColumns = [...placeIds, ...targetGroups] as [string, ...string[]];

/** One cell of the gap view: a need category in a place (or for a target group). */
export const GapCellReference = z.strictObject({
  need: z.enum(needCategories),
  column: z.enum(gapColumns),
});

/** What justifies a priority: the evaluation's needs, the interviews' and workshop's findings, the gaps. */
export const Justification = z.strictObject({
  needs: z.array(z.enum(needCategories)).max(needCategories.length).default([]),
  findings: z.array(FindingReference).max(100).default([]),
  gapCells: z.array(GapCellReference).max(200).default([]),
});
export type Justification = z.infer<typeof Justification>;

/**
 * `proposed`: under discussion, seen in the console only; `adopted`: decided by the committee, public;
 * `completed`: reached, still public; `dropped`: given up, kept for the record, not public.
 */
export const priorityStatuses = ['proposed', 'adopted', 'completed', 'dropped'] as const;
export const PriorityStatus = z.enum(priorityStatuses);
export type PriorityStatus = z.infer<typeof PriorityStatus>;
/** The priorities the public page and the chatbot name. */
export const publicPriorityStatuses: readonly PriorityStatus[] = ['adopted', 'completed'];

export const measureStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export const MeasureStatus = z.enum(measureStatuses);
export type MeasureStatus = z.infer<typeof MeasureStatus>;

/** A month (`2026-09`) or a day (`2026-09-15`): the committee often plans by month. */
export const PlanDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/);

/** First and last possible day of a plan date, to compare a month with a day. */
export const planDateBounds = (date: string) =>
  date.length === 7 ? { first: `${date}-01`, last: `${date}-31` } : { first: date, last: date };

export const Timeframe = z
  .strictObject({ from: PlanDate, to: PlanDate.optional() })
  .refine(
    (timeframe) => !timeframe.to || planDateBounds(timeframe.to).last >= planDateBounds(timeframe.from).first,
    {
      path: ['to'],
      params: { reason: 'closes_before_opening' },
    },
  );
export type Timeframe = z.infer<typeof Timeframe>;

/** An office of the Landratsamt or an institution: organisations, never persons. */
const Organisation = line(200);

export const PriorityInput = z.strictObject({
  texts: SteeringTexts,
  justification: Justification.default({ needs: [], findings: [], gapCells: [] }),
  status: PriorityStatus.default('proposed'),
});
export type PriorityInput = z.infer<typeof PriorityInput>;

export const MeasureInput = z.strictObject({
  texts: SteeringTexts,
  priorityId: z.uuid(),
  owner: Organisation,
  partners: z.array(Organisation).max(30).default([]),
  timeframe: Timeframe,
  status: MeasureStatus.default('planned'),
  /** Offerings (directory ids) that came out of the measure. */
  offeringIds: z.array(z.uuid()).max(100).default([]),
});
export type MeasureInput = z.infer<typeof MeasureInput>;

/** An update names the version it was based on: a stale one is refused with 409, nothing is lost. */
export const UpdatePriorityRequest = PriorityInput.safeExtend({ expectedVersion: version });
export const UpdateMeasureRequest = MeasureInput.safeExtend({ expectedVersion: version });
export type UpdatePriorityRequest = z.infer<typeof UpdatePriorityRequest>;
export type UpdateMeasureRequest = z.infer<typeof UpdateMeasureRequest>;

const Stamps = {
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const Priority = z.object({
  priorityId: z.uuid(),
  texts: SteeringTexts,
  justification: Justification,
  status: PriorityStatus,
  ...Stamps,
});
export type Priority = z.infer<typeof Priority>;

export const Measure = z.object({
  measureId: z.uuid(),
  priorityId: z.uuid(),
  texts: SteeringTexts,
  owner: z.string(),
  partners: z.array(z.string()),
  timeframe: z.object({ from: z.string(), to: z.string().optional() }),
  status: MeasureStatus,
  offeringIds: z.array(z.string()),
  ...Stamps,
});
export type Measure = z.infer<typeof Measure>;

export const steeringEntities = ['priority', 'measure'] as const;
export type SteeringEntity = (typeof steeringEntities)[number];

/**
 * One change of a priority or a measure, kept for good: who (the member's `sub`, never the e-mail,
 * which is personal data), when, and which fields changed.
 */
export const SteeringChange = z.object({
  entity: z.enum(steeringEntities),
  entityId: z.uuid(),
  changeId: z.string(),
  action: z.enum(['created', 'updated', 'deleted']),
  changedAt: z.string(),
  changedBy: z.string(),
  /** Field paths, e.g. `status`, `texts.de.title`, `justification.needs`. */
  fields: z.array(z.string()),
  /** The version the item had after the change (the last version for a deletion). */
  version: z.number().int(),
});
export type SteeringChange = z.infer<typeof SteeringChange>;

export const PriorityIdParams = z.strictObject({ priorityId: z.uuid() });
export const MeasureIdParams = z.strictObject({ measureId: z.uuid() });
export const SteeringQuery = z.strictObject({ lang: z.string().max(10).optional() });
export const DeleteQuery = z.strictObject({ lang: z.string().max(10).optional(), expectedVersion: version });

export const PriorityList = z.object({ priorities: z.array(Priority) });
export const MeasureList = z.object({ measures: z.array(Measure) });
export const ChangeHistory = z.object({ changes: z.array(SteeringChange) });
export const SteeringRemoved = z.object({ removed: z.literal(true) });

// The public "Where does the concept stand?" — no staff identity, no internal ids beyond the items'.

const LocalizedText = {
  title: z.string(),
  description: z.string(),
  /** German when the item has no text in the reader's language yet. */
  textLanguage: language,
  fallback: z.boolean(),
};

export const measureCountsShape = Object.fromEntries(
  measureStatuses.map((status) => [status, z.number().int().nonnegative()]),
) as Record<MeasureStatus, z.ZodNumber>;
export const MeasureCounts = z.object(measureCountsShape);
export type MeasureCounts = z.infer<typeof MeasureCounts>;

export const PublicMeasure = z.object({
  measureId: z.uuid(),
  ...LocalizedText,
  owner: z.string(),
  partners: z.array(z.string()),
  timeframe: z.object({ from: z.string(), to: z.string().optional() }),
  status: MeasureStatus,
});

export const PublicPriority = z.object({
  priorityId: z.uuid(),
  ...LocalizedText,
  status: PriorityStatus,
  needs: z.array(z.enum(needCategories)),
  measureCounts: MeasureCounts,
  measures: z.array(PublicMeasure),
});
export type PublicPriority = z.infer<typeof PublicPriority>;

export const PublicMilestone = z.object({
  id: z.string(),
  date: z.string(),
  ...LocalizedText,
});

/** A published evaluation report, as the concept's status lists it. */
export const PublishedEvaluationReference = z.object({
  title: z.string(),
  publishedAt: z.string(),
  summary: z.string(),
  url: z.string(),
});
export type PublishedEvaluationReference = z.infer<typeof PublishedEvaluationReference>;

export const ConceptStatus = z.object({
  language,
  /** Oldest first, as the concept page lists them. */
  milestones: z.array(PublicMilestone),
  /** Adopted and completed priorities, each with its measures. */
  priorities: z.array(PublicPriority),
  /** Over the measures of those priorities. */
  measureCounts: MeasureCounts,
  /**
   * Published evaluation reports, newest first. Empty until publishing an evaluation exists: publishing
   * a report fills this list.
   */
  evaluations: z.array(PublishedEvaluationReference),
  /** When the steering records last changed (absent while there are none). */
  updatedAt: z.string().optional(),
});
export type ConceptStatus = z.infer<typeof ConceptStatus>;
