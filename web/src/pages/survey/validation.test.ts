import { describe, expect, it } from 'vitest';
import {
  emptyAnswers,
  emptyOffering,
  privacyNoticeVersion,
  type SurveyAnswers,
} from '../../../../functions/survey/questionnaire';
import { type Draft, emptyContact } from './answers';
import { fieldIds } from './field-paths';
import {
  completeUrl,
  formatError,
  orderedErrors,
  problemErrors,
  savableDraft,
  validateForSubmit,
} from './validation';

const offeringId = '3f0c2a8e-8d51-4c1e-9a53-0c1d2e3f4a5b';

function completeDraft(): Draft {
  const answers: SurveyAnswers = {
    institution: {
      name: 'VHS Ochsenfurt',
      sector: 'education',
      sectorOther: '',
      type: 'adult_education',
      typeOther: '',
      places: ['ochsenfurt'],
    },
    offerings: [
      {
        ...emptyOffering(offeringId, 'de'),
        title: 'Deutsch im Alltag',
        description: 'Kurs',
        category: 'language_courses',
        targetGroups: ['adults'],
        languages: ['de'],
        places: ['ochsenfurt'],
        cost: 'free',
      },
    ],
    opening: { status: 'planned', steps: ['staff_training'], stepsOther: '', obstacles: '' },
    needs: { categories: [], description: '', mostHelpful: '' },
    interview: { willing: false, topics: [], topicsOther: '' },
    privacy: { accepted: true, noticeVersion: privacyNoticeVersion },
  };
  return { answers, contact: { name: 'Ana Beispiel', role: '', email: 'ana@example.org', phone: '' } };
}

describe('validateForSubmit', () => {
  it('finds nothing wrong with a complete draft', () => {
    expect(validateForSubmit(completeDraft())).toEqual({});
  });

  it('names every missing answer, worded for its kind of question', () => {
    const draft = {
      answers: { ...emptyAnswers(), offerings: [emptyOffering(offeringId, 'de')] },
      contact: emptyContact(),
    };

    const errors = validateForSubmit(draft);

    expect(errors[fieldIds.institution('name')]).toEqual({ key: 'validation.required' });
    expect(errors[fieldIds.institution('sector')]).toEqual({ key: 'surveyForm.errors.chooseOne' });
    expect(errors[fieldIds.institution('places')]).toEqual({ key: 'surveyForm.errors.chooseAtLeastOne' });
    expect(errors[fieldIds.offering(offeringId, 'title')]).toEqual({ key: 'validation.required' });
    expect(errors[fieldIds.offering(offeringId, 'cost')]).toEqual({ key: 'surveyForm.errors.chooseOne' });
    expect(errors[fieldIds.contact('email')]).toEqual({ key: 'validation.required' });
    expect(errors[fieldIds.privacyAccepted]).toEqual({ key: 'surveyForm.errors.privacy' });
    expect(errors[fieldIds.opening('steps')]).toBeUndefined();
  });

  it('counts blanks as missing, as the API trims them', () => {
    const draft = completeDraft();
    draft.answers.institution.name = '   ';

    expect(validateForSubmit(draft)).toEqual({
      [fieldIds.institution('name')]: { key: 'validation.required' },
    });
  });

  it('reports a wrong format before anything else', () => {
    const draft = completeDraft();
    draft.contact.email = 'ana@';
    const [offering] = draft.answers.offerings;
    if (offering) offering.url = 'nicht eine Adresse';

    expect(validateForSubmit(draft)).toEqual({
      [fieldIds.contact('email')]: { key: 'validation.invalid_format_email' },
      [fieldIds.offering(offeringId, 'url')]: { key: 'validation.invalid_format_url' },
    });
  });

  it('orders the errors as the page shows the fields', () => {
    const errors = validateForSubmit({ answers: emptyAnswers(), contact: emptyContact() });

    const ids = orderedErrors(errors, emptyAnswers()).map(([id]) => id);

    expect(ids[0]).toBe(fieldIds.institution('name'));
    expect(ids.at(-1)).toBe(fieldIds.privacyAccepted);
  });
});

describe('format checks when leaving a field', () => {
  it.each([
    ['email', 'ana@example.org', undefined],
    ['email', 'ana@', { key: 'validation.invalid_format_email' }],
    ['phone', '0931 12345-67', undefined],
    ['phone', 'ruf mich an', { key: 'surveyForm.errors.phone' }],
    ['url', 'https://vhs.example', undefined],
    ['url', 'ftp://vhs.example', { key: 'validation.invalid_format_url' }],
  ] as const)('checks %s "%s"', (kind, value, expected) => {
    expect(formatError(kind, value)).toEqual(expected);
  });

  it.each([
    ['www.vhs-ochsenfurt.de', 'https://www.vhs-ochsenfurt.de'],
    ['vhs.example/kurse', 'https://vhs.example/kurse'],
    ['http://vhs.example', 'http://vhs.example'],
    ['', ''],
    ['keine', 'keine'],
  ])('completes the web address %s to %s', (typed, completed) => {
    expect(completeUrl(typed)).toBe(completed);
  });
});

describe('savableDraft', () => {
  it('holds back a field the API would refuse and keeps its last saved value', () => {
    const saved = completeDraft();
    const draft = structuredClone(saved);
    draft.contact.email = 'ana@neu';
    draft.answers.institution.name = 'VHS Ochsenfurt e. V.';

    const result = savableDraft(draft, saved);

    expect(result?.invalid).toEqual([fieldIds.contact('email')]);
    expect(result?.draft.contact.email).toBe('ana@example.org');
    expect(result?.draft.answers.institution.name).toBe('VHS Ochsenfurt e. V.');
  });

  it('holds back a new offering’s wrong web address as empty', () => {
    const saved = { answers: emptyAnswers(), contact: emptyContact() };
    const draft = {
      ...saved,
      answers: { ...emptyAnswers(), offerings: [{ ...emptyOffering(offeringId, 'de'), url: 'x' }] },
    };

    const result = savableDraft(draft, saved);

    expect(result?.draft.answers.offerings[0]?.url).toBe('');
    expect(result?.invalid).toEqual([fieldIds.offering(offeringId, 'url')]);
  });

  it('sends a valid draft unchanged', () => {
    const draft = completeDraft();

    expect(savableDraft(draft, draft)).toEqual({ draft, invalid: [] });
  });
});

describe('problemErrors', () => {
  it('maps the API’s field errors to the controls, in the form’s words where it has them', () => {
    const answers = completeDraft().answers;

    const errors = problemErrors(
      [
        { field: 'answers.offerings.0.title', code: 'required', reason: 'Bitte füllen Sie dieses Feld aus.' },
        {
          field: 'contact.email',
          code: 'invalid_format',
          reason: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
        },
        { field: 'body.version', code: 'nothing_saved', reason: 'Noch nichts gespeichert.' },
      ],
      answers,
    );

    expect(errors).toEqual({
      [fieldIds.offering(offeringId, 'title')]: { key: 'validation.required' },
      [fieldIds.contact('email')]: { text: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.' },
      'survey-form-general': { text: 'Noch nichts gespeichert.' },
    });
  });
});
