import type { Language } from '../../shared/i18n/languages';
import {
  emptyAnswers,
  emptyOffering,
  type Offering,
  privacyNoticeVersion,
  type SurveyAnswers,
} from '../../survey/questionnaire';
import type { EvaluationRow } from '../rows';

/** A fixed, readable uuid per letter, so test rows sort and read predictably. */
export const idOf = (letter: string) => `00000000-0000-4000-8000-${letter.padStart(12, '0')}`;

/** An offering of a test response: only what a test names differs from a plain complete offering. */
let offerings = 0;

export function offering(fields: Partial<Offering>): Offering {
  offerings += 1;
  return {
    ...emptyOffering(`10000000-0000-4000-8000-${String(offerings).padStart(12, '0')}`, 'de'),
    title: 'Angebot',
    description: 'Beschreibung',
    category: 'language_courses',
    targetGroups: ['adults'],
    languages: ['de'],
    places: ['ochsenfurt'],
    cost: 'free',
    ...fields,
  };
}

export interface AnswerFields {
  name?: string;
  sector?: SurveyAnswers['institution']['sector'];
  type?: SurveyAnswers['institution']['type'];
  places?: string[];
  offerings?: Offering[];
  status?: SurveyAnswers['opening']['status'];
  steps?: SurveyAnswers['opening']['steps'];
  obstacles?: string;
  needs?: SurveyAnswers['needs']['categories'];
  needText?: string;
  mostHelpful?: string;
  /** Left out: not answered, as in a response to the first questionnaire version. */
  quoteConsent?: boolean;
}

export function answers(fields: AnswerFields = {}): SurveyAnswers {
  const base = emptyAnswers();
  return {
    ...base,
    institution: {
      ...base.institution,
      name: fields.name ?? 'Einrichtung',
      sector: fields.sector ?? 'education',
      type: fields.type ?? 'association',
      places: fields.places ?? ['ochsenfurt'],
    },
    offerings: fields.offerings ?? [],
    opening: {
      status: fields.status ?? 'planned',
      steps: fields.steps ?? [],
      stepsOther: '',
      obstacles: fields.obstacles ?? '',
    },
    needs: {
      categories: fields.needs ?? [],
      description: fields.needText ?? '',
      mostHelpful: fields.mostHelpful ?? '',
    },
    interview: { willing: false, topics: [], topicsOther: '' },
    privacy: {
      accepted: true,
      noticeVersion: privacyNoticeVersion,
      ...(fields.quoteConsent === undefined ? {} : { quoteConsent: fields.quoteConsent }),
    },
  };
}

/** A submitted row: first submitted at `first`, its latest version (the answers) at `latest`. */
export function submitted(
  letter: string,
  fields: AnswerFields,
  times: { first: string; latest?: string; language?: Language; state?: EvaluationRow['state'] },
): EvaluationRow {
  const given = answers(fields);
  return {
    invitationId: idOf(letter),
    institution: given.institution.name,
    state: times.state ?? 'submitted',
    language: times.language ?? 'de',
    openedAt: times.first,
    firstSubmittedAt: times.first,
    submittedAt: times.latest ?? times.first,
    submissionNumber: times.latest ? 2 : 1,
    answers: given,
  };
}

/** A row without submitted answers. */
export function unanswered(
  letter: string,
  state: 'not_opened' | 'in_progress' | 'revoked',
  openedAt?: string,
): EvaluationRow {
  return {
    invitationId: idOf(letter),
    institution: `Eingeladen ${letter}`,
    state,
    language: 'de',
    ...(openedAt ? { openedAt } : {}),
  };
}
