import type { Language } from '../shared/i18n/languages';
import type { SurveyAnswers } from '../survey/questionnaire';
import type { EvaluationFilter, responseStates } from './schemas';

/**
 * One invitation as the evaluation sees it: its state, and the answers of its latest submitted version
 * (never a draft). Sector, type and places are known only from submitted answers; an invitation without
 * one counts as `unknown` in breakdowns and drops out as soon as one of those filters is set.
 */
export interface EvaluationRow {
  invitationId: string;
  /** The name the institution gave in its answers, else the one it was invited under. */
  institution: string;
  state: (typeof responseStates)[number];
  language: Language;
  openedAt?: string;
  /** When the first version came in: a correction does not move a response in time. */
  firstSubmittedAt?: string;
  /** The latest submitted version. */
  submittedAt?: string;
  submissionNumber?: number;
  answers?: SurveyAnswers;
}

/** A submitted, not revoked response: the rows whose answers every figure counts. */
export type SubmittedRow = EvaluationRow & {
  state: 'submitted';
  answers: SurveyAnswers;
  submittedAt: string;
  firstSubmittedAt: string;
  submissionNumber: number;
};

export function isSubmitted(row: EvaluationRow): row is SubmittedRow {
  return row.state === 'submitted' && row.answers !== undefined;
}

/** The calendar day of an instant in the county's time zone, as `YYYY-MM-DD`. */
export function countyDay(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/** Whether a row passes the dashboard's filters (the one rule for figures, drill-downs and exports). */
export function matchesFilter(row: EvaluationRow, filter: EvaluationFilter): boolean {
  const answers = isSubmitted(row) ? row.answers : undefined;
  if (filter.sector && answers?.institution.sector !== filter.sector) return false;
  if (filter.type && answers?.institution.type !== filter.type) return false;
  if (filter.place && !answers?.institution.places.includes(filter.place)) return false;
  if (filter.from || filter.to) {
    if (!row.firstSubmittedAt || row.state !== 'submitted') return false;
    const day = countyDay(row.firstSubmittedAt);
    if (filter.from && day < filter.from) return false;
    if (filter.to && day > filter.to) return false;
  }
  return true;
}

/** An expert interview as the evaluation counts it (no expert's name or address). */
export interface EvaluatedInterview {
  interviewId: string;
  roundId: string;
  roundTopic: string;
  state: 'invited' | 'booked' | 'rescheduled' | 'cancelled' | 'held' | 'written_up';
  /** The survey response the expert was invited from, when invited from the survey. */
  responseInvitationId?: string;
}

/** A finding of an interview or the workshop, in the shared shape, with where it comes from. */
export interface EvaluatedFinding {
  source: 'interview' | 'workshop';
  /** The round (interviews) or workshop it was recorded in. */
  sourceId: string;
  sourceTitle: string;
  kind: 'topic' | 'need' | 'recommendation';
  text: string;
  textLanguage: Language;
  topics: string[];
}

/** What the interviews and the workshop of a survey wave produced, read beside the survey's rows. */
export interface ProcessRecords {
  interviews: EvaluatedInterview[];
  findings: EvaluatedFinding[];
}
