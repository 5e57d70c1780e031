import { describe, expect, it } from 'vitest';
import { type MessageKey, translate } from '../shared/i18n/messages';
import {
  ContactPerson,
  emptyAnswers,
  emptyOffering,
  Offering,
  privacyNoticeVersion,
  requireComplete,
  SurveyAnswers,
} from './questionnaire';
import {
  emptyContact,
  offeringQuestions,
  optionKey,
  optionLists,
  responseQuestions,
  withApplicableOnly,
} from './questionnaire-flow';

const offeringId = '00000000-0000-4000-8000-000000000001';

/** The fields a flow question answers, as the API names them. */
function flowFields(answers: SurveyAnswers, onlyRequired: boolean): string[] {
  const pick = <Q extends { required: boolean }>(question: Q) => !onlyRequired || question.required;
  return [
    ...responseQuestions
      .filter((question) => pick(question) && (question.applies?.(answers) ?? true))
      .map((question) => question.field),
    ...answers.offerings.flatMap((offering, index) =>
      offeringQuestions
        .filter((question) => pick(question) && (question.applies?.(offering) ?? true))
        .map((question) => `answers.offerings.${index}.${question.field}`),
    ),
  ];
}

describe('the questionnaire flow', () => {
  it('asks every field of the answers, the contact person and an offering exactly once', () => {
    const schemaFields = [
      ...Object.entries(SurveyAnswers.shape).flatMap(([section, schema]) =>
        section === 'offerings'
          ? []
          : Object.keys((schema as unknown as { shape: object }).shape)
              .filter((field) => field !== 'noticeVersion')
              .map((field) => `answers.${section}.${field}`),
      ),
      ...Object.keys(ContactPerson.shape).map((field) => `contact.${field}`),
    ];
    expect(responseQuestions.map((question) => question.field).sort()).toEqual(schemaFields.sort());
    expect(offeringQuestions.map((question) => question.field).sort()).toEqual(
      Object.keys(Offering.shape)
        .filter((field) => field !== 'offeringId')
        .sort(),
    );
  });

  it.each([
    ['nothing answered', (answers: SurveyAnswers) => answers],
    [
      'every condition met',
      (answers: SurveyAnswers) => {
        answers.institution.sector = 'other';
        answers.institution.type = 'other';
        answers.opening.status = 'started';
        answers.opening.steps = ['other'];
        answers.interview.willing = true;
        answers.offerings[0] = { ...emptyOffering(offeringId, 'de'), cost: 'paid' };
        return answers;
      },
    ],
  ])('marks as required exactly what requireComplete asks for (%s)', (_case, arrange) => {
    const answers = arrange({ ...emptyAnswers(), offerings: [emptyOffering(offeringId, 'de')] });
    const missing = requireComplete(answers, emptyContact())
      .filter((answer) => answer.code === 'required')
      .map((answer) =>
        answer.field === 'answers.privacy.noticeVersion' ? 'answers.privacy.accepted' : answer.field,
      );
    const flowRequired = flowFields(answers, true).filter((field) => {
      // Answered already (a choice with a default, a filled condition): requireComplete does not list them.
      const [root, section, index, name] = field.split('.');
      if (section === 'offerings') {
        const value = answers.offerings[Number(index)]?.[name as keyof Offering];
        return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
      }
      const value =
        root === 'contact'
          ? emptyContact()[section as keyof ContactPerson]
          : (answers as unknown as Record<string, Record<string, unknown>>)[section ?? '']?.[index ?? ''];
      return (
        value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0)
      );
    });
    expect(flowRequired.sort()).toEqual([...new Set(missing)].sort());
  });

  it('has a text for every question, hint and option in German', () => {
    const keys: MessageKey[] = [
      ...[...responseQuestions, ...offeringQuestions].flatMap((question) => [
        question.label,
        ...(question.hint ? [question.hint] : []),
      ]),
      ...Object.entries(optionLists).flatMap(([list, ids]) =>
        (ids as readonly string[]).map((id) => optionKey(list as keyof typeof optionLists, id)),
      ),
    ];
    expect(keys.filter((key) => translate('de', key) === key)).toEqual([]);
  });

  it('asks the consent to quote after the privacy notice, as an optional yes or no left unset at first', () => {
    const fields = responseQuestions.map((question) => question.field);
    const quoteConsent = responseQuestions.find(
      (question) => question.field === 'answers.privacy.quoteConsent',
    );

    expect(fields.indexOf('answers.privacy.quoteConsent')).toBe(
      fields.indexOf('answers.privacy.accepted') + 1,
    );
    expect(quoteConsent).toMatchObject({ kind: 'yesNo', required: false, section: 'privacy' });
    expect(emptyAnswers().privacy.quoteConsent).toBeUndefined();
  });

  it.each([undefined, false, true])('submits whether or not quoting was consented (%s)', (quoteConsent) => {
    const answers = emptyAnswers();
    answers.privacy = { accepted: true, noticeVersion: privacyNoticeVersion, quoteConsent };

    const missing = requireComplete(answers, emptyContact()).map((answer) => answer.field);

    expect(missing).not.toContain('answers.privacy.quoteConsent');
    expect(missing.filter((field) => field.startsWith('answers.privacy.'))).toEqual([]);
  });

  it('empties answers to questions that no longer apply', () => {
    const answers = emptyAnswers();
    answers.institution = { ...answers.institution, sector: 'education', sectorOther: 'Stale' };
    answers.interview = { willing: false, topics: ['health'], topicsOther: 'Stale' };
    answers.offerings = [{ ...emptyOffering(offeringId, 'de'), cost: 'free', costNote: 'Stale' }];
    const cleaned = withApplicableOnly({ answers, contact: emptyContact() }).answers;
    expect(cleaned.institution.sectorOther).toBe('');
    expect(cleaned.interview).toEqual({ willing: false, topics: [], topicsOther: '' });
    expect(cleaned.offerings[0]?.costNote).toBe('');
  });
});
