import { directionOf, type Language } from '../shared/i18n/languages';
import { type MessageKey, type MessageParams, translate } from '../shared/i18n/messages';
import { needCategories, openingStatuses, placeName, sectors } from '../survey/questionnaire';
import {
  type CountCell,
  type Disclosed,
  type DisclosureGroup,
  disclose,
  suppressionCounts,
} from './disclosure';
import { type EvaluatedSurvey, evaluate, unknownKey } from './evaluate';
import { gapView, reachesPlace, servesGroup } from './gaps';
import { type EvaluationRow, isSubmitted, type ProcessRecords, type SubmittedRow } from './rows';
import type {
  EvaluationReport,
  QuotedText,
  ReportCell,
  ReportQuote,
  ReportSection,
  ReportSectionId,
  ReportTable,
} from './schemas';

export interface ReportOptions {
  /** Counts of fewer institutions than this are suppressed (the stage's setting, default 3). */
  threshold: number;
  /** Staff's short texts per section, shown before the section's figures. */
  texts: Partial<Record<ReportSectionId, string>>;
  now: Date;
}

/** The report is German by design (like the county's own "Auswertung"); its words come from de.json. */
const de = (key: MessageKey, params?: MessageParams) => translate('de', key, params);

type Group = 'sectors' | 'institutionTypes' | 'offeringCategories' | 'targetGroups' | 'offeredLanguages';
type OptionGroup = Group | 'openingStatuses' | 'openingSteps' | 'needCategories';

function optionLabel(group: OptionGroup, key: string): string {
  if (key === unknownKey) return de('evaluationReport.report.unknown');
  const label = translate('de', `questionnaire.${group}.${key}` as MessageKey);
  return label.startsWith('questionnaire.') ? key : label;
}

function placeLabel(id: string): string {
  if (id === unknownKey) return de('evaluationReport.report.unknown');
  return placeName(id) ?? translate('de', `questionnaire.places.${id}` as MessageKey);
}

/** "1. März 2025", in the county's time zone. */
export function germanDate(instant: string): string {
  return new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(instant));
}

/** A whole percentage in the language's own way ("42 %", "%42"). */
export function formatPercent(language: Language, share: number): string {
  return new Intl.NumberFormat(`${language}-u-nu-latn`, {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
}

// --- Drafts: tables whose count cells are disclosed together, across the whole report -------------

type DraftCell =
  | { kind: 'count'; cell: CountCell }
  /** Published as it is: not a count of institutions (interviews, staff findings). */
  | { kind: 'plain'; count: number }
  | { kind: 'text'; text: string }
  /** A gap view state: withheld when one of its counts is suppressed, unless it is a gap (no offering). */
  | { kind: 'gapState'; needs: string; offerings: string; state: string };

interface DraftTable {
  id: string;
  caption: string;
  columns: string[];
  chart: boolean;
  rows: { key: string; label: string; cells: DraftCell[] }[];
}

class Drafts {
  readonly cells: CountCell[] = [];
  readonly groups: DisclosureGroup[] = [];

  count(id: string, count: number, institutions?: number): DraftCell {
    const cell: CountCell = institutions === undefined ? { id, count } : { id, count, institutions };
    this.cells.push(cell);
    return { kind: 'count', cell };
  }

  group(cells: readonly DraftCell[], total?: DraftCell): void {
    const ids = cells.flatMap((cell) => (cell.kind === 'count' ? [cell.cell.id] : []));
    const totalId = total?.kind === 'count' ? total.cell.id : undefined;
    this.groups.push(totalId ? { cells: ids, total: totalId } : { cells: ids });
  }
}

function render(cell: DraftCell, disclosed: Map<string, Disclosed>): ReportCell {
  switch (cell.kind) {
    case 'plain':
      return { count: cell.count };
    case 'text':
      return { text: cell.text };
    case 'count':
      return disclosed.get(cell.cell.id) ?? { suppressed: 'small' };
    case 'gapState': {
      const hidden = [cell.needs, cell.offerings].some((id) => {
        const published = disclosed.get(id);
        return !published || 'suppressed' in published;
      });
      const offerings = disclosed.get(cell.offerings);
      const noOffering = offerings !== undefined && 'count' in offerings && offerings.count === 0;
      if (hidden && !(cell.state === 'gap' && noOffering)) {
        return { text: de('evaluationReport.report.stateWithheld') };
      }
      return { text: translate('de', `evaluationPage.gaps.states.${cell.state}` as MessageKey) };
    }
  }
}

/** How many distinct institutions stand behind each key (offering figures count offerings, not them). */
function institutionsPerKey(rows: readonly SubmittedRow[], keysOf: (row: SubmittedRow) => string[]) {
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const key of new Set(keysOf(row))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function quoteOf(quote: QuotedText, about?: string): ReportQuote {
  // Only the text and its language: never the institution's name or id next to a published quote.
  return {
    text: quote.text,
    lang: quote.lang,
    dir: quote.dir,
    source: 'institution',
    ...(about ? { about } : {}),
  };
}

/**
 * The evaluation report as it is published: the figures of the whole wave (no filter), in the
 * structure of the county's "Auswertung der Online-Umfrage", with disclosure control applied.
 *
 * 1. Count everything (`evaluate`, `gapView`), and how many institutions stand behind each offering count.
 * 2. Lay out every section's tables as drafts; each count cell names its institutions, and each list,
 *    row or column whose total a reader knows is a disclosure group.
 * 3. Disclose all cells at once (`disclose`: primary, then secondary suppression until stable).
 * 4. Render: suppressed cells carry no number; quotes only with consent, without the institution.
 */
export function buildReport(
  survey: EvaluatedSurvey,
  rows: readonly EvaluationRow[],
  process: ProcessRecords,
  options: ReportOptions,
): EvaluationReport {
  const { threshold } = options;
  const evaluation = evaluate(survey, rows, process, {}, options.now);
  const gaps = gapView(survey.surveyId, rows, {});
  const submitted = rows.filter(isSubmitted);
  const drafts = new Drafts();
  const tables = new Map<ReportSectionId, DraftTable[]>();
  const add = (section: ReportSectionId, table: DraftTable) =>
    tables.set(section, [...(tables.get(section) ?? []), table]);
  const countColumn = de('evaluationReport.report.colCount');

  // Method: the invitations by state (the states partition the invitations).
  const invited = drafts.count('method.invited', rows.length);
  const byState = (['submitted', 'in_progress', 'not_opened', 'revoked'] as const).map((state) => ({
    state,
    cell: drafts.count(`method.${state}`, rows.filter((row) => row.state === state).length),
  }));
  const submittedCell = byState[0]?.cell ?? drafts.count('method.submitted', 0);
  drafts.group(
    byState.map((entry) => entry.cell),
    invited,
  );
  add('method', {
    id: 'method-states',
    caption: de('evaluationReport.report.statesTable'),
    columns: [de('evaluationReport.report.colState'), countColumn],
    chart: false,
    rows: [
      { key: 'invited', label: de('evaluationPage.states.invited'), cells: [invited] },
      ...byState.map((entry) => ({
        key: entry.state,
        label: de(`evaluationPage.states.${entry.state}` as MessageKey),
        cells: [entry.cell],
      })),
    ],
  });

  // Progress: answers by sector, type and place. Invitations per sector are not shown: for every known
  // sector they equal the answers, so they would publish a suppressed count a second time.
  const breakdown = (
    id: string,
    list: { key: string; submitted: number }[],
    label: (key: string) => string,
  ) => {
    const known = list.filter((entry) => entry.submitted > 0);
    const cells = known.map((entry) => drafts.count(`${id}.${entry.key}`, entry.submitted));
    drafts.group(cells, id === 'progress.place' ? undefined : submittedCell);
    return known.map((entry, index) => ({
      key: entry.key,
      label: label(entry.key),
      cells: [cells[index] ?? { kind: 'plain' as const, count: 0 }],
    }));
  };
  const sectorRows = breakdown('progress.sector', evaluation.progress.bySector, (key) =>
    optionLabel('sectors', key),
  );
  const responsesColumn = de('evaluationReport.report.colResponses');
  add('progress', {
    id: 'progress-sector',
    caption: de('evaluationPage.progress.bySector'),
    columns: [de('evaluationPage.figures.sector'), responsesColumn],
    chart: true,
    rows: sectorRows,
  });
  add('progress', {
    id: 'progress-type',
    caption: de('evaluationPage.progress.byType'),
    columns: [de('evaluationPage.figures.type'), responsesColumn],
    chart: true,
    rows: breakdown('progress.type', evaluation.progress.byType, (key) =>
      optionLabel('institutionTypes', key),
    ),
  });
  add('progress', {
    id: 'progress-place',
    caption: de('evaluationPage.progress.byPlace'),
    columns: [de('evaluationPage.figures.place'), responsesColumn],
    chart: true,
    rows: breakdown('progress.place', evaluation.progress.byPlace, placeLabel),
  });

  // Offerings: counts of offerings, suppressed by the institutions behind them.
  const offeringsOf = (row: SubmittedRow) => row.answers.offerings;
  const withOfferings = submitted.filter((row) => offeringsOf(row).length > 0).length;
  const offeringsTotal = drafts.count('offerings.total', evaluation.offerings.total, withOfferings);
  const consentInstitutions = institutionsPerKey(submitted, (row) =>
    offeringsOf(row).map((offering) => (offering.publish ? 'consented' : 'notConsented')),
  );
  const consentCells = (['consented', 'notConsented'] as const).map((key) => ({
    key,
    cell: drafts.count(
      `offerings.consent.${key}`,
      evaluation.offerings[key],
      consentInstitutions.get(key) ?? 0,
    ),
  }));
  drafts.group(
    consentCells.map((entry) => entry.cell),
    offeringsTotal,
  );
  add('offerings', {
    id: 'offerings-consent',
    caption: de('evaluationReport.report.consentTable'),
    columns: [de('evaluationPage.figures.consent'), countColumn],
    chart: false,
    rows: consentCells.map((entry) => ({
      key: entry.key,
      label: de(`evaluationReport.report.${entry.key}`),
      cells: [entry.cell],
    })),
  });
  const offeringTable = (
    id: string,
    caption: MessageKey,
    column: MessageKey,
    counts: { key: string; count: number }[],
    keysOf: (offering: SubmittedRow['answers']['offerings'][number]) => string[],
    label: (key: string) => string,
    total?: DraftCell,
  ) => {
    const institutions = institutionsPerKey(submitted, (row) => offeringsOf(row).flatMap(keysOf));
    const cells = counts.map((entry) =>
      drafts.count(`offerings.${id}.${entry.key}`, entry.count, institutions.get(entry.key) ?? 0),
    );
    drafts.group(cells, total);
    add('offerings', {
      id: `offerings-${id}`,
      caption: de(caption),
      columns: [de(column), countColumn],
      chart: true,
      rows: counts.map((entry, index) => ({
        key: entry.key,
        label: label(entry.key),
        cells: [cells[index] ?? { kind: 'plain', count: 0 }],
      })),
    });
  };
  offeringTable(
    'category',
    'evaluationPage.offerings.byCategory',
    'evaluationPage.figures.offeringCategory',
    evaluation.offerings.byCategory,
    (offering) => (offering.category ? [offering.category] : []),
    (key) => optionLabel('offeringCategories', key),
    offeringsTotal,
  );
  offeringTable(
    'place',
    'evaluationPage.offerings.byPlace',
    'evaluationPage.figures.offeringPlace',
    evaluation.offerings.byPlace,
    (offering) => offering.places,
    placeLabel,
  );
  offeringTable(
    'targetGroup',
    'evaluationPage.offerings.byTargetGroup',
    'evaluationPage.figures.targetGroup',
    evaluation.offerings.byTargetGroup,
    (offering) => offering.targetGroups,
    (key) => optionLabel('targetGroups', key),
  );
  offeringTable(
    'language',
    'evaluationPage.offerings.byLanguage',
    'evaluationPage.figures.offeredLanguage',
    evaluation.offerings.byLanguage,
    (offering) => offering.languages,
    (key) => optionLabel('offeredLanguages', key),
  );

  // Intercultural opening: status overall and by sector (rows and columns are groups), the steps.
  const statusCells = new Map(
    evaluation.opening.byStatus.map((entry) => [
      entry.key,
      drafts.count(`opening.status.${entry.key}`, entry.count),
    ]),
  );
  drafts.group([...statusCells.values()], submittedCell);
  add('opening', {
    id: 'opening-status',
    caption: de('evaluationPage.opening.byStatus'),
    columns: [de('evaluationPage.figures.openingStatus'), de('evaluationReport.report.colInstitutions')],
    chart: true,
    rows: evaluation.opening.byStatus.map((entry) => ({
      key: entry.key,
      label: optionLabel('openingStatuses', entry.key),
      cells: [statusCells.get(entry.key) ?? { kind: 'plain', count: 0 }],
    })),
  });
  const shownStatuses = openingStatuses.filter((status) => statusCells.has(status));
  const sectorMatrix = evaluation.opening.bySector
    .filter((entry) => sectors.includes(entry.sector as (typeof sectors)[number]))
    .map((entry) => ({
      sector: entry.sector,
      cells: shownStatuses.map((status) =>
        drafts.count(
          `opening.sector.${entry.sector}.${status}`,
          entry.statuses.find((count) => count.key === status)?.count ?? 0,
        ),
      ),
    }));
  for (const row of sectorMatrix) {
    const total = sectorRows.find((entry) => entry.key === row.sector)?.cells[0];
    drafts.group(row.cells, total);
  }
  shownStatuses.forEach((status, index) => {
    drafts.group(
      sectorMatrix.flatMap((row) => (row.cells[index] ? [row.cells[index]] : [])),
      statusCells.get(status),
    );
  });
  add('opening', {
    id: 'opening-sector',
    caption: de('evaluationPage.opening.bySector'),
    columns: [
      de('evaluationPage.figures.sector'),
      ...shownStatuses.map((status) => optionLabel('openingStatuses', status)),
    ],
    chart: false,
    rows: sectorMatrix.map((row) => ({
      key: row.sector,
      label: optionLabel('sectors', row.sector),
      cells: row.cells,
    })),
  });
  const stepCells = evaluation.opening.steps.map((entry) =>
    drafts.count(`opening.step.${entry.key}`, entry.count),
  );
  drafts.group(stepCells);
  add('opening', {
    id: 'opening-steps',
    caption: de('evaluationPage.opening.steps'),
    columns: [de('evaluationPage.figures.openingStep'), de('evaluationReport.report.colInstitutions')],
    chart: true,
    rows: evaluation.opening.steps.map((entry, index) => ({
      key: entry.key,
      label: optionLabel('openingSteps', entry.key),
      cells: [stepCells[index] ?? { kind: 'plain', count: 0 }],
    })),
  });

  // Needs: by category (an institution names several, so there is no total to protect).
  const needCells = evaluation.needs.byCategory.map((entry) =>
    drafts.count(`needs.${entry.key}`, entry.count),
  );
  drafts.group(needCells);
  add('needs', {
    id: 'needs-category',
    caption: de('evaluationPage.needs.byCategory'),
    columns: [de('evaluationPage.figures.needCategory'), de('evaluationReport.report.colInstitutions')],
    chart: true,
    rows: evaluation.needs.byCategory.map((entry, index) => ({
      key: entry.key,
      label: optionLabel('needCategories', entry.key),
      cells: [needCells[index] ?? { kind: 'plain', count: 0 }],
    })),
  });

  // The gap view: only where a need was reported; offerings are suppressed by the institutions behind them.
  const gapTable = (dimension: 'place' | 'group') => {
    const tableRows: DraftTable['rows'] = [];
    for (const row of gaps.rows) {
      const needCells: DraftCell[] = [];
      const list = dimension === 'place' ? row.byPlace : row.byTargetGroup;
      for (const cell of list) {
        if (cell.needs === 0) continue;
        const answering = submitted.filter((candidate) =>
          candidate.answers.offerings.some(
            (offering) =>
              offering.category === row.offeringCategory &&
              (dimension === 'place'
                ? reachesPlace(offering, cell.column)
                : servesGroup(offering, cell.column)),
          ),
        ).length;
        const id = `gaps.${dimension}.${row.need}.${cell.column}`;
        const needs = drafts.count(`${id}.needs`, cell.needs);
        const offerings = drafts.count(`${id}.offerings`, cell.offerings, answering);
        needCells.push(needs);
        const columnLabel =
          dimension === 'place' ? placeLabel(cell.column) : optionLabel('targetGroups', cell.column);
        tableRows.push({
          key: `${row.need}.${cell.column}`,
          label: `${optionLabel('needCategories', row.need)} – ${columnLabel}`,
          cells: [
            needs,
            offerings,
            { kind: 'gapState', needs: `${id}.needs`, offerings: `${id}.offerings`, state: cell.state },
          ],
        });
      }
      drafts.group(needCells);
    }
    return tableRows;
  };
  const gapColumns = (first: MessageKey) => [
    de(first),
    de('evaluationReport.report.colNeeds'),
    de('evaluationReport.report.colOfferings'),
    de('evaluationReport.report.colFinding'),
  ];
  add('gaps', {
    id: 'gaps-place',
    caption: de('evaluationReport.report.gapsByPlace'),
    columns: gapColumns('evaluationReport.report.colNeedAt'),
    chart: false,
    rows: gapTable('place'),
  });
  add('gaps', {
    id: 'gaps-group',
    caption: de('evaluationReport.report.gapsByGroup'),
    columns: gapColumns('evaluationReport.report.colNeedFor'),
    chart: false,
    rows: gapTable('group'),
  });

  // Interviews and workshop: the process (not institutions' answers) and staff-written findings.
  const interviews = evaluation.interviewsAndWorkshop.interviews;
  add('findings', {
    id: 'findings-interviews',
    caption: de('evaluationPage.interviews.countsTitle'),
    columns: [de('evaluationReport.report.colState'), countColumn],
    chart: false,
    rows: (['invited', 'booked', 'held', 'writtenUp'] as const).map((state) => ({
      key: state,
      label: de(`evaluationPage.interviews.${state}`),
      cells: [{ kind: 'plain', count: interviews[state] }],
    })),
  });
  const topics = evaluation.interviewsAndWorkshop.byTopic.filter(
    (topic) =>
      topic.surveyNeeds + topic.interviewFindings + topic.workshopFindings + topic.recommendations > 0,
  );
  const topicNeedCells = topics.map((topic) =>
    drafts.count(`findings.needs.${topic.topic}`, topic.surveyNeeds),
  );
  drafts.group(topicNeedCells);
  add('findings', {
    id: 'findings-topics',
    caption: de('evaluationPage.interviews.byTopic'),
    columns: [
      de('evaluationPage.interviews.topic'),
      de('evaluationPage.interviews.surveyNeeds'),
      de('evaluationPage.interviews.interviewFindings'),
      de('evaluationPage.interviews.workshopFindings'),
      de('evaluationPage.interviews.recommendations'),
    ],
    chart: false,
    rows: topics.map((topic, index) => ({
      key: topic.topic,
      label: optionLabel('offeringCategories', topic.topic),
      cells: [
        topicNeedCells[index] ?? { kind: 'plain', count: 0 },
        { kind: 'plain', count: topic.interviewFindings },
        { kind: 'plain', count: topic.workshopFindings },
        { kind: 'plain', count: topic.recommendations },
      ],
    })),
  });

  // 3. Disclose every count cell of the report at once.
  const disclosed = disclose(drafts.cells, drafts.groups, threshold);
  const published = (cell: DraftCell) => render(cell, disclosed);

  // 4. Quotes: consented institutions' texts without their names; staff findings as written.
  // The institution's consent to quote (`privacy.quoteConsent` of its latest answers): only an explicit yes.
  const consented = (quotes: readonly QuotedText[]) => quotes.filter((quote) => quote.quoteConsent === true);
  const quotes: Record<ReportSectionId, ReportQuote[]> = {
    method: [],
    progress: [],
    offerings: [],
    gaps: [],
    opening: consented(evaluation.opening.obstacles).map((quote) =>
      quoteOf(quote, de('evaluationReport.report.obstaclesAbout')),
    ),
    needs: [
      ...evaluation.needs.byCategory.flatMap((category) =>
        consented(category.texts).map((quote) => quoteOf(quote, optionLabel('needCategories', category.key))),
      ),
      ...consented(evaluation.needs.mostHelpful).map((quote) =>
        quoteOf(quote, de('evaluationReport.report.mostHelpfulAbout')),
      ),
    ],
    findings: process.findings.map(
      (finding): ReportQuote => ({
        text: finding.text,
        lang: finding.textLanguage,
        dir: directionOf(finding.textLanguage),
        about: [
          de(`evaluationPage.interviews.${finding.kind === 'recommendation' ? 'recommendations' : 'topic'}`),
          finding.topics.map((topic) => optionLabel('offeringCategories', topic)).join(', '),
        ]
          .filter(Boolean)
          .join(': '),
        source: finding.source,
      }),
    ),
  };

  const submittedPublished = disclosed.get('method.submitted');
  const paragraphs: Record<ReportSectionId, string[]> = {
    method: [
      de('evaluationReport.report.asked', {
        title: survey.title,
        opens: germanDate(survey.opensAt),
        closes: germanDate(survey.closesAt),
        invited: rows.length,
      }),
      submittedPublished && 'count' in submittedPublished && rows.length > 0
        ? de('evaluationReport.report.answered', {
            count: submittedPublished.count,
            rate: formatPercent('de', submittedPublished.count / rows.length),
          })
        : de('evaluationReport.report.answeredFew', { threshold }),
    ],
    progress: [],
    offerings: [
      'count' in (disclosed.get('offerings.total') ?? { suppressed: 'small' })
        ? de('evaluationReport.report.offeringsTotal', { count: evaluation.offerings.total })
        : de('evaluationReport.report.offeringsTotalFew', { threshold }),
    ],
    opening: [],
    needs: [],
    gaps: [de('evaluationPage.gaps.intro'), de('evaluationPage.gaps.placesNote')],
    findings: [de('evaluationReport.report.findingsNote')],
  };
  const suppressed = suppressionCounts(disclosed.values());
  paragraphs.method.push(
    de('evaluationReport.report.rule', { threshold }),
    de('evaluationReport.report.suppressedCells', suppressed),
  );
  if (quotes.opening.length + quotes.needs.length > 0 || submitted.length > 0) {
    paragraphs.method.push(de('evaluationReport.report.quotesNote'));
  }

  const headings: Record<ReportSectionId, string> = {
    method: de('evaluationReport.report.methodHeading'),
    progress: de('evaluationPage.progress.title'),
    offerings: de('evaluationPage.offerings.title'),
    opening: de('evaluationPage.opening.title'),
    needs: de('evaluationPage.needs.title'),
    gaps: de('evaluationPage.gaps.title'),
    findings: de('evaluationPage.interviews.title'),
  };
  const sections = (Object.keys(headings) as ReportSectionId[]).map((id): ReportSection => {
    const staffText = options.texts[id]?.trim();
    return {
      id,
      heading: headings[id],
      paragraphs: paragraphs[id],
      ...(staffText ? { staffText } : {}),
      tables: (tables.get(id) ?? []).map(
        (table): ReportTable => ({
          ...table,
          rows: table.rows.map((row) => ({ ...row, cells: row.cells.map(published) })),
        }),
      ),
      quotes: quotes[id],
    };
  });
  return {
    surveyId: survey.surveyId,
    title: survey.title,
    opensAt: survey.opensAt,
    closesAt: survey.closesAt,
    generatedAt: options.now.toISOString(),
    threshold,
    suppressed,
    sections,
  };
}

/** The need categories a report publishes a count for, most often named first (for the summary). */
export function publishedTopNeeds(report: EvaluationReport, limit = 3): string[] {
  const table = report.sections.find((section) => section.id === 'needs')?.tables[0];
  return (table?.rows ?? [])
    .flatMap((row) => {
      const cell = row.cells[0];
      return cell && 'count' in cell && cell.count > 0 ? [{ key: row.key, count: cell.count }] : [];
    })
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
    .map((row) => row.key)
    .filter((key) => (needCategories as readonly string[]).includes(key));
}

/** The number of institutions that answered, as published (undefined when it is suppressed). */
export function publishedAnswered(report: EvaluationReport): { count: number; invited: number } | undefined {
  const table = report.sections.find((section) => section.id === 'method')?.tables[0];
  const cellOf = (key: string) => table?.rows.find((row) => row.key === key)?.cells[0];
  const answered = cellOf('submitted');
  const invited = cellOf('invited');
  if (!answered || !('count' in answered) || !invited || !('count' in invited)) return undefined;
  return { count: answered.count, invited: invited.count };
}

/**
 * The short summary of a published report in one language, from message templates and the published
 * numbers only (so no staff translation is needed and nothing suppressed appears in it).
 */
export function reportSummary(report: EvaluationReport, language: Language): string {
  const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const answered = publishedAnswered(report);
  const first =
    answered && answered.invited > 0
      ? t('evaluationReport.summary.answered', {
          count: answered.count,
          rate: formatPercent(language, answered.count / answered.invited),
        })
      : t('evaluationReport.summary.answeredFew', { threshold: report.threshold });
  const needs = publishedTopNeeds(report).map((key) =>
    t(`questionnaire.needCategories.${key}` as MessageKey),
  );
  const second = needs.length
    ? t('evaluationReport.summary.topNeeds', { needs: new Intl.ListFormat(language).format(needs) })
    : t('evaluationReport.summary.noNeeds');
  return `${first} ${second}`;
}
