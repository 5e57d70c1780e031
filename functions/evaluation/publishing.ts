import { notFound } from '../shared/domain/errors';
import { type Language, languageCodes } from '../shared/i18n/languages';
import type { EvaluationDeps } from './evaluation';
import { buildReport, reportSummary } from './report';
import type {
  EvaluationReport,
  PublishedEvaluation,
  PublishedEvaluationList,
  PublishedEvaluationSummary,
  ReportPreview,
  ReportTexts,
  SaveReportTextsRequest,
} from './schemas';

/** A published report as stored: the German report and its summary in every supported language. */
export interface Publication {
  publicationId: string;
  surveyId: string;
  publishedAt: string;
  title: string;
  report: EvaluationReport;
  summaries: Record<Language, string>;
}

/** What publishing reads and writes, owned here; `report-store.ts` implements it on the table. */
export interface ReportStore {
  texts(surveyId: string): Promise<ReportTexts>;
  /** `version_conflict` when the texts changed since `expectedVersion` was read. */
  saveTexts(
    surveyId: string,
    texts: ReportTexts['texts'],
    expectedVersion: number,
    savedAt: string,
  ): Promise<ReportTexts>;
  createPublication(publication: Publication): Promise<void>;
  publication(publicationId: string): Promise<Publication | undefined>;
  /** Newest first. */
  publications(limit: number): Promise<Publication[]>;
  publicationsOfSurvey(surveyId: string): Promise<Publication[]>;
}

export interface ReportDeps extends EvaluationDeps {
  reports: ReportStore;
  /** The stage's disclosure threshold (`county.disclosureThreshold`, default 3). */
  threshold: number;
  newId: () => string;
}

/** The public page of a publication, relative to the site. */
export function publicationPath(publicationId: string): string {
  return `/concept/evaluations/${publicationId}`;
}

/** How many publications the public list shows (newest first); older ones stay readable by their link. */
const publicListSize = 20;

async function currentReport(deps: ReportDeps, surveyId: string): Promise<EvaluationReport> {
  const survey = await deps.source.survey(surveyId);
  if (!survey) throw notFound('survey');
  const [rows, process, texts] = await Promise.all([
    deps.source.rows(surveyId),
    deps.source.process(surveyId),
    deps.reports.texts(surveyId),
  ]);
  return buildReport(survey, rows, process, {
    threshold: deps.threshold,
    texts: texts.texts,
    now: deps.now(),
  });
}

function summaryOf(publication: Publication, language: Language): PublishedEvaluationSummary {
  return {
    publicationId: publication.publicationId,
    surveyId: publication.surveyId,
    publishedAt: publication.publishedAt,
    title: publication.title,
    summary: publication.summaries[language] ?? publication.summaries.de,
    summaryLanguage: publication.summaries[language] ? language : 'de',
    path: publicationPath(publication.publicationId),
  };
}

/** The staff preview: exactly what publishing now would publish, with the saved texts. */
export async function getReportPreview(
  deps: ReportDeps,
  surveyId: string,
  language: Language,
): Promise<ReportPreview> {
  const [report, texts, publications] = await Promise.all([
    currentReport(deps, surveyId),
    deps.reports.texts(surveyId),
    deps.reports.publicationsOfSurvey(surveyId),
  ]);
  return { report, texts, publications: publications.map((publication) => summaryOf(publication, language)) };
}

export async function saveReportTexts(
  deps: ReportDeps,
  surveyId: string,
  request: SaveReportTextsRequest,
): Promise<ReportTexts> {
  // 1. The survey must exist; 2. empty texts are dropped; 3. saved only over the version staff read.
  if (!(await deps.source.survey(surveyId))) throw notFound('survey');
  const texts = Object.fromEntries(
    Object.entries(request.texts).filter(([, text]) => text !== undefined && text.trim() !== ''),
  ) as ReportTexts['texts'];
  return deps.reports.saveTexts(surveyId, texts, request.expectedVersion, deps.now().toISOString());
}

/**
 * Publishes the report as it is now: a dated snapshot that later answers do not change, with a short
 * summary in every supported language made from message templates and the published numbers.
 *
 * 1. Build the report with disclosure control and the saved texts (as the preview shows it).
 * 2. Write the summaries from the report (never from the raw figures: nothing suppressed can leak).
 * 3. Store it under a new id; a retried request is answered by the idempotency record (route level).
 */
export async function publishReport(
  deps: ReportDeps,
  surveyId: string,
  language: Language,
): Promise<PublishedEvaluationSummary> {
  const report = await currentReport(deps, surveyId);
  const summaries = Object.fromEntries(
    languageCodes.map((code) => [code, reportSummary(report, code)]),
  ) as Record<Language, string>;
  const publication: Publication = {
    publicationId: deps.newId(),
    surveyId,
    publishedAt: report.generatedAt,
    title: report.title,
    report,
    summaries,
  };
  await deps.reports.createPublication(publication);
  return summaryOf(publication, language);
}

/** The public list: published evaluations newest first, each with its summary in the language. */
export async function listPublishedEvaluations(
  reports: Pick<ReportStore, 'publications'>,
  language: Language,
): Promise<PublishedEvaluationList> {
  const publications = await reports.publications(publicListSize);
  return { evaluations: publications.map((publication) => summaryOf(publication, language)) };
}

export async function getPublishedEvaluation(
  reports: Pick<ReportStore, 'publication'>,
  publicationId: string,
  language: Language,
): Promise<PublishedEvaluation> {
  const publication = await reports.publication(publicationId);
  if (!publication) throw notFound('publication');
  return { ...summaryOf(publication, language), report: publication.report };
}

/** The newest publication, for the chatbot's answer to "what did the survey show?". */
/** The published evaluations as the concept's status names them: title, date, summary, page. */
export async function evaluationReferences(
  reports: Pick<ReportStore, 'publications'>,
  language: Language,
): Promise<{ title: string; publishedAt: string; summary: string; url: string }[]> {
  const { evaluations } = await listPublishedEvaluations(reports, language);
  return evaluations.map(({ title, publishedAt, summary, path }) => ({
    title,
    publishedAt,
    summary,
    url: path,
  }));
}

export async function latestPublishedEvaluation(
  reports: Pick<ReportStore, 'publications'>,
  language: Language,
): Promise<PublishedEvaluationSummary | undefined> {
  const [latest] = await reports.publications(1);
  return latest && summaryOf(latest, language);
}
