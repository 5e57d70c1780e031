import { z } from 'zod';
import { FindingTopic } from '../shared/domain/findings';
import { languageCodes } from '../shared/i18n/languages';
import {
  institutionTypes,
  needCategories,
  offeredLanguages,
  offeringCategories,
  openingStatuses,
  openingSteps,
  placeIds,
  SurveyAnswers,
  sectors,
  targetGroups,
} from '../survey/questionnaire';

/**
 * The evaluation's contract: what staff get out of a survey wave. Every figure the dashboard shows is in
 * `Evaluation`; every count can be drilled down to the responses behind it (`DrillDownQuery`). Keys are
 * the questionnaire's option ids; their labels are `questionnaire.<group>.<id>` in the content files.
 */

export const SurveyIdParams = z.strictObject({ surveyId: z.uuid() });
export const ResponseParams = z.strictObject({ surveyId: z.uuid(), invitationId: z.uuid() });

const day = z.iso.date();

/** The dashboard's filters; they apply to every figure, chart, table and export at once. */
export const EvaluationFilter = z
  .strictObject({
    lang: z.string().max(10).optional(),
    sector: z.enum(sectors).optional(),
    type: z.enum(institutionTypes).optional(),
    /** An institution's place (where it works), one of the questionnaire's places. */
    place: z.enum(placeIds).optional(),
    /** Submission date range, inclusive, in the county's time zone (Europe/Berlin). */
    from: day.optional(),
    to: day.optional(),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    path: ['to'],
    params: { reason: 'before_from_date' },
  });
export type EvaluationFilter = z.infer<typeof EvaluationFilter>;

/** Where a response stands; a response counts as "opened" once its link was opened. */
export const responseStates = ['not_opened', 'in_progress', 'submitted', 'revoked'] as const;
export const ResponseState = z.enum(responseStates);

/** One count of one option id (or `unknown` where the answer is not there yet, e.g. not opened). */
export const Count = z.object({ key: z.string(), count: z.number().int().nonnegative() });
export type Count = z.infer<typeof Count>;

/** Text an institution wrote: kept as written, marked with its language (and so its direction). */
export const QuotedText = z.object({
  invitationId: z.uuid(),
  institution: z.string(),
  text: z.string(),
  lang: z.enum(languageCodes),
  dir: z.enum(['ltr', 'rtl']),
  /**
   * Whether the institution consented to this text being quoted (without its name) in anything
   * published: true only when its latest submitted answers say yes. Staff see every text; a published
   * report must leave out the others.
   */
  quoteConsent: z.boolean(),
});
export type QuotedText = z.infer<typeof QuotedText>;

export const ProgressBreakdown = z.object({
  key: z.string(),
  invited: z.number().int().nonnegative(),
  submitted: z.number().int().nonnegative(),
});

export const Evaluation = z.object({
  surveyId: z.uuid(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  generatedAt: z.string(),
  filter: EvaluationFilter,
  progress: z.object({
    /** Every invitation, revoked ones included. */
    invited: z.number().int().nonnegative(),
    opened: z.number().int().nonnegative(),
    inProgress: z.number().int().nonnegative(),
    submitted: z.number().int().nonnegative(),
    revoked: z.number().int().nonnegative(),
    /** submitted / (invited − revoked); null while nobody is invited. */
    responseRate: z.number().min(0).max(1).nullable(),
    bySector: z.array(ProgressBreakdown),
    byType: z.array(ProgressBreakdown),
    byPlace: z.array(ProgressBreakdown),
    /** Days with at least one first submission, in order, with the running total. */
    submissionsOverTime: z.array(
      z.object({ date: day, count: z.number().int().nonnegative(), cumulative: z.number().int() }),
    ),
  }),
  offerings: z.object({
    total: z.number().int().nonnegative(),
    consented: z.number().int().nonnegative(),
    notConsented: z.number().int().nonnegative(),
    byCategory: z.array(Count),
    byPlace: z.array(Count),
    byTargetGroup: z.array(Count),
    byLanguage: z.array(Count),
  }),
  opening: z.object({
    byStatus: z.array(Count),
    bySector: z.array(z.object({ sector: z.string(), statuses: z.array(Count) })),
    steps: z.array(Count),
    obstacles: z.array(QuotedText),
  }),
  needs: z.object({
    byCategory: z.array(Count.extend({ texts: z.array(QuotedText) })),
    mostHelpful: z.array(QuotedText),
  }),
  interviewsAndWorkshop: z.object({
    interviews: z.object({
      invited: z.number().int().nonnegative(),
      booked: z.number().int().nonnegative(),
      held: z.number().int().nonnegative(),
      writtenUp: z.number().int().nonnegative(),
    }),
    /** Per topic (the offering categories): findings from interviews and workshops beside the survey's needs. */
    byTopic: z.array(
      z.object({
        topic: FindingTopic,
        surveyNeeds: z.number().int().nonnegative(),
        interviewFindings: z.number().int().nonnegative(),
        workshopFindings: z.number().int().nonnegative(),
        recommendations: z.number().int().nonnegative(),
      }),
    ),
  }),
});
export type Evaluation = z.infer<typeof Evaluation>;

/**
 * The figures a count can be drilled down from; `value` is the option id the count stands for
 * (`progress` takes a response state, `submittedOn` a date).
 */
export const drillDownFigures = [
  'progress',
  'sector',
  'type',
  'place',
  'submittedOn',
  'offeringCategory',
  'offeringPlace',
  'targetGroup',
  'offeredLanguage',
  'consent',
  'openingStatus',
  'openingStep',
  'needCategory',
] as const;

export const DrillDownQuery = EvaluationFilter.safeExtend({
  figure: z.enum(drillDownFigures),
  value: z.string().min(1).max(80),
});
export type DrillDownQuery = z.infer<typeof DrillDownQuery>;

export const ResponseSummary = z.object({
  invitationId: z.uuid(),
  institution: z.string(),
  state: ResponseState,
  sector: z.enum(sectors).optional(),
  type: z.enum(institutionTypes).optional(),
  places: z.array(z.string()),
  language: z.enum(languageCodes),
  submittedAt: z.string().optional(),
  /**
   * Offering figures count offerings, not responses: how many of this response's offerings the figure
   * counted (the list's `matches` add up to the count). Absent for figures that count responses.
   */
  matches: z.number().int().positive().optional(),
});
export type ResponseSummary = z.infer<typeof ResponseSummary>;
export const ResponseList = z.object({ responses: z.array(ResponseSummary) });
export type ResponseList = z.infer<typeof ResponseList>;

/** One response as evaluated: its latest submitted version, without the contact person. */
export const EvaluatedResponse = z.object({
  invitationId: z.uuid(),
  institution: z.string(),
  language: z.enum(languageCodes),
  submissionNumber: z.number().int().positive(),
  submittedAt: z.string(),
  answers: SurveyAnswers,
});
export type EvaluatedResponse = z.infer<typeof EvaluatedResponse>;

export const gapStates = ['gap', 'few', 'covered', 'no_need'] as const;

export const GapCell = z.object({
  column: z.string(),
  /** Institutions that reported this need here. */
  needs: z.number().int().nonnegative(),
  /** Offerings of the matching category reachable here (see the README for "whole county" and "online"). */
  offerings: z.number().int().nonnegative(),
  state: z.enum(gapStates),
});
export type GapCell = z.infer<typeof GapCell>;

export const GapView = z.object({
  surveyId: z.uuid(),
  filter: EvaluationFilter,
  /** Which offering categories answer which need category (needs without one have no row). */
  rows: z.array(
    z.object({
      need: z.enum(needCategories),
      offeringCategory: z.enum(offeringCategories),
      byPlace: z.array(GapCell),
      byTargetGroup: z.array(GapCell),
    }),
  ),
});
export type GapView = z.infer<typeof GapView>;

export const exportParts = [
  'institutions',
  'offerings',
  'opening',
  'needs',
  'interviews',
  'findings',
] as const;

export const ExportQuery = EvaluationFilter.safeExtend({
  part: z.enum(exportParts).default('institutions'),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

// For the option lists the web labels with.
export const evaluationOptionGroups = {
  sectors,
  institutionTypes,
  offeringCategories,
  targetGroups,
  offeredLanguages,
  openingStatuses,
  openingSteps,
  needCategories,
} as const;

/** Two waves compared: the survey the address names and the one to compare with (default: its wave before). */
export const WaveComparisonQuery = EvaluationFilter.safeExtend({
  with: z.uuid().optional(),
});
export type WaveComparisonQuery = z.infer<typeof WaveComparisonQuery>;

/** A survey wave as a comparison names it. */
export const ComparedSurvey = z.object({
  surveyId: z.uuid(),
  title: z.string(),
  wave: z.number().int().positive(),
  questionnaireVersion: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
});
export type ComparedSurvey = z.infer<typeof ComparedSurvey>;

/** One figure in both waves and its change (later − earlier). */
export const FigureChange = z.object({
  earlier: z.number().int().nonnegative(),
  later: z.number().int().nonnegative(),
  change: z.number().int(),
});
export type FigureChange = z.infer<typeof FigureChange>;

/** One key of a count list in both waves; a key counted in one wave only counts 0 in the other. */
export const CountChange = FigureChange.extend({ key: z.string() });
export type CountChange = z.infer<typeof CountChange>;

/** The response rate in both waves; the change is null while either rate is (nobody invited). */
export const RateChange = z.object({
  earlier: z.number().min(0).max(1).nullable(),
  later: z.number().min(0).max(1).nullable(),
  change: z.number().min(-1).max(1).nullable(),
});

/** An offering as the comparison lists it (never the contact person). */
export const ComparedOffering = z.object({
  offeringId: z.uuid(),
  title: z.string(),
  institution: z.string(),
  category: z.string(),
});
export type ComparedOffering = z.infer<typeof ComparedOffering>;

/**
 * Two waves side by side: each figure of the `Evaluation` in both, with its change, and the offerings
 * that appeared, disappeared or were re-confirmed (compared by offering id, which carried-over answers
 * keep). `earlier` is the lower wave; every change is `later − earlier`.
 */
export const WaveComparison = z.object({
  earlier: ComparedSurvey,
  later: ComparedSurvey,
  filter: EvaluationFilter,
  generatedAt: z.string(),
  /** The waves asked different questionnaire versions: a change may come from a changed question. */
  questionnaireChanged: z.boolean(),
  progress: z.object({
    invited: FigureChange,
    opened: FigureChange,
    inProgress: FigureChange,
    submitted: FigureChange,
    revoked: FigureChange,
    responseRate: RateChange,
  }),
  offerings: z.object({
    total: FigureChange,
    consented: FigureChange,
    notConsented: FigureChange,
    byCategory: z.array(CountChange),
    byPlace: z.array(CountChange),
    byTargetGroup: z.array(CountChange),
    byLanguage: z.array(CountChange),
  }),
  opening: z.object({ byStatus: z.array(CountChange), steps: z.array(CountChange) }),
  needs: z.object({ byCategory: z.array(CountChange) }),
  offeringChanges: z.object({
    /** In the later wave's latest submitted answers, not in the earlier's. */
    appeared: z.array(ComparedOffering),
    /** In the earlier wave's, not in the later's. */
    disappeared: z.array(ComparedOffering),
    /** In both (named as the later wave has it). */
    reconfirmed: z.array(ComparedOffering),
  }),
});
export type WaveComparison = z.infer<typeof WaveComparison>;
/**
 * The published evaluation report (German by design, like the county's own "Auswertung der
 * Online-Umfrage"): disclosure control is applied before it leaves the use case, so a suppressed cell
 * holds no number at all, and a quote holds its text and language only (never the institution).
 */
export const reportSectionIds = [
  'method',
  'progress',
  'offerings',
  'opening',
  'needs',
  'gaps',
  'findings',
] as const;
export const ReportSectionId = z.enum(reportSectionIds);
export type ReportSectionId = z.infer<typeof ReportSectionId>;

/** One published cell: a count, a suppressed count (no number), or a word (a gap view state, a rate). */
export const ReportCell = z.union([
  z.strictObject({ count: z.number().int().nonnegative() }),
  z.strictObject({ suppressed: z.enum(['small', 'secondary']) }),
  z.strictObject({ text: z.string() }),
]);
export type ReportCell = z.infer<typeof ReportCell>;

export const ReportTable = z.object({
  id: z.string(),
  caption: z.string(),
  /** Column headings; the first names the rows' labels. */
  columns: z.array(z.string()).min(2),
  rows: z.array(z.object({ key: z.string(), label: z.string(), cells: z.array(ReportCell) })),
  /** Drawn as bars on the web page (one count column). */
  chart: z.boolean(),
});
export type ReportTable = z.infer<typeof ReportTable>;

/** Text quoted in the report: an institution's (with its consent) or a staff finding; never whose. */
export const ReportQuote = z.object({
  text: z.string(),
  lang: z.enum(languageCodes),
  dir: z.enum(['ltr', 'rtl']),
  /** What it is about (a need category, a topic), in German. */
  about: z.string().optional(),
  source: z.enum(['institution', 'interview', 'workshop']),
});
export type ReportQuote = z.infer<typeof ReportQuote>;

export const ReportSection = z.object({
  id: ReportSectionId,
  heading: z.string(),
  /** Sentences generated from the figures (German). */
  paragraphs: z.array(z.string()),
  /** The short text staff added before publishing. */
  staffText: z.string().optional(),
  tables: z.array(ReportTable),
  quotes: z.array(ReportQuote),
});
export type ReportSection = z.infer<typeof ReportSection>;

export const EvaluationReport = z.object({
  surveyId: z.uuid(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  generatedAt: z.string(),
  /** Counts of fewer institutions than this are not published. */
  threshold: z.number().int().positive(),
  suppressed: z.object({
    small: z.number().int().nonnegative(),
    secondary: z.number().int().nonnegative(),
  }),
  sections: z.array(ReportSection),
});
export type EvaluationReport = z.infer<typeof EvaluationReport>;

export const ReportTexts = z.object({
  /** 0 while nothing was saved; a save names the version it read. */
  version: z.number().int().nonnegative(),
  texts: z.partialRecord(ReportSectionId, z.string()),
});
export type ReportTexts = z.infer<typeof ReportTexts>;

export const SaveReportTextsRequest = z.strictObject({
  expectedVersion: z.number().int().nonnegative(),
  texts: z.partialRecord(ReportSectionId, z.string().trim().max(3000)),
});
export type SaveReportTextsRequest = z.infer<typeof SaveReportTextsRequest>;

/** A published evaluation as listed publicly: the date, the title and the summary in one language. */
export const PublishedEvaluationSummary = z.object({
  publicationId: z.uuid(),
  surveyId: z.uuid(),
  publishedAt: z.string(),
  title: z.string(),
  summary: z.string(),
  summaryLanguage: z.enum(languageCodes),
  /** The public report page, relative to the site. */
  path: z.string(),
});
export type PublishedEvaluationSummary = z.infer<typeof PublishedEvaluationSummary>;

export const PublishedEvaluationList = z.object({ evaluations: z.array(PublishedEvaluationSummary) });
export type PublishedEvaluationList = z.infer<typeof PublishedEvaluationList>;

/** One published evaluation: the German report as it was published, and the summary in one language. */
export const PublishedEvaluation = PublishedEvaluationSummary.extend({ report: EvaluationReport });
export type PublishedEvaluation = z.infer<typeof PublishedEvaluation>;

export const PublicationParams = z.strictObject({ publicationId: z.uuid() });

/** The staff preview: the report exactly as it would be published now, its texts, and what was published. */
export const ReportPreview = z.object({
  report: EvaluationReport,
  texts: ReportTexts,
  publications: z.array(PublishedEvaluationSummary),
});
export type ReportPreview = z.infer<typeof ReportPreview>;
