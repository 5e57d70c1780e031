import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain/errors';
import { getEvaluation, getGaps, getResponse, getWaveComparison, listResponses } from './evaluation';
import { InMemoryEvaluationSource } from './testing/in-memory-source';
import { idOf, submitted, unanswered } from './testing/rows';

const survey = {
  surveyId: '20000000-0000-4000-8000-000000000001',
  title: 'Bestandsaufnahme',
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2027-01-31T23:00:00.000Z',
};
const unknownSurvey = '20000000-0000-4000-8000-000000000002';

function deps() {
  const source = new InMemoryEvaluationSource([survey], {
    [survey.surveyId]: [
      submitted('a', { name: 'Anker e. V.', needs: ['language'] }, { first: '2026-11-20T10:00:00Z' }),
      unanswered('b', 'in_progress', '2026-11-19T09:00:00Z'),
    ],
  });
  return { source, now: () => new Date('2026-12-01T08:00:00Z') };
}

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('the evaluation use cases', () => {
  it('evaluate the rows of the survey asked for', async () => {
    const result = await getEvaluation(deps(), survey.surveyId, {});

    expect(result.progress).toMatchObject({ invited: 2, submitted: 1, inProgress: 1 });
    expect(result.generatedAt).toBe('2026-12-01T08:00:00.000Z');
  });

  it.each([
    ['the evaluation', () => getEvaluation(deps(), unknownSurvey, {})],
    ['a drill-down', () => listResponses(deps(), unknownSurvey, { figure: 'progress', value: 'invited' })],
    ['the gap view', () => getGaps(deps(), unknownSurvey, {})],
    ['a response', () => getResponse(deps(), unknownSurvey, idOf('a'))],
  ])('refuse %s of an unknown survey as not found', async (_name, act) => {
    const error = await refusal(act());

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('not_found');
  });

  it('open a submitted response and refuse one that was never submitted', async () => {
    const answered = await getResponse(deps(), survey.surveyId, idOf('a'));
    const error = await refusal(getResponse(deps(), survey.surveyId, idOf('b')));

    expect(answered).toMatchObject({ institution: 'Anker e. V.', submissionNumber: 1 });
    expect((error as DomainError).code).toBe('not_found');
  });
});

describe('comparing waves', () => {
  const firstWave = { ...survey, wave: 1 };
  const secondWave = {
    surveyId: '20000000-0000-4000-8000-000000000003',
    title: 'Zweite Welle',
    opensAt: '2027-11-01T00:00:00.000Z',
    closesAt: '2028-01-31T23:00:00.000Z',
    wave: 2,
    previousSurveyId: survey.surveyId,
  };
  function waveDeps() {
    const source = new InMemoryEvaluationSource([firstWave, secondWave], {
      [survey.surveyId]: [submitted('a', { name: 'Anker e. V.' }, { first: '2026-11-20T10:00:00Z' })],
      [secondWave.surveyId]: [unanswered('c', 'not_opened')],
    });
    return { source, now: () => new Date('2027-12-01T08:00:00Z') };
  }

  it('compare a wave with the wave before it unless another is named', async () => {
    const result = await getWaveComparison(waveDeps(), secondWave.surveyId, {});
    const named = await getWaveComparison(waveDeps(), survey.surveyId, { with: secondWave.surveyId });

    expect([result.earlier.surveyId, result.later.surveyId]).toEqual([survey.surveyId, secondWave.surveyId]);
    expect(result.progress.submitted).toEqual({ earlier: 1, later: 0, change: -1 });
    expect(named).toEqual(result);
  });

  it.each([
    ['a first wave without another named', survey.surveyId, {}, 'required'],
    ['a wave compared with itself', secondWave.surveyId, { with: secondWave.surveyId }, 'invalid'],
  ])('refuse %s, naming query.with', async (_name, surveyId, query, code) => {
    const error = await refusal(getWaveComparison(waveDeps(), surveyId, query));

    expect((error as DomainError).code).toBe('validation');
    expect((error as DomainError).fields).toEqual([{ field: 'query.with', code }]);
  });

  it.each([
    ['the survey', unknownSurvey, {}],
    ['the wave to compare with', secondWave.surveyId, { with: unknownSurvey }],
  ])('refuse an unknown survey as %s as not found', async (_name, surveyId, query) => {
    const error = await refusal(getWaveComparison(waveDeps(), surveyId, query));

    expect((error as DomainError).code).toBe('not_found');
  });
});
