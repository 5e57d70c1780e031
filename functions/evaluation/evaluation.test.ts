import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain/errors';
import { getEvaluation, getGaps, getResponse, listResponses } from './evaluation';
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
