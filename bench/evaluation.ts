import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { expiryOf } from '../functions/shared/domain/retention';
import { questionnaireVersion, sectors } from '../functions/survey/questionnaire';
import { SurveyStore } from '../functions/survey/survey-store';
import { completeAnswers } from '../functions/survey/testing/fixtures';
import type { LocalStack } from '../local/stack';
import { signIn } from '../local/testing/local-stack';
import { round } from './bundles';
import { type LoadFigure, measureLoad, relativeTo } from './http-load';

/** The store sizes the evaluation dashboard is measured at: submitted responses of one survey. */
export const evaluationSizes: readonly number[] = process.env.WEGWEISER_BENCH_EVALUATION_SIZES
  ? process.env.WEGWEISER_BENCH_EVALUATION_SIZES.split(',').map(Number)
  : [100, 1_000, 10_000];

export interface EvaluationFigure extends LoadFigure {
  responses: number;
  /** The first request after the responses came in (nothing cached anywhere yet). */
  firstRequestMs: number;
  /**
   * `aggregate`: the unfiltered dashboard, read from the survey's aggregate; `query`: a filtered view
   * (`?sector=`), counted from the keyed Queries as before.
   */
  path?: 'aggregate' | 'query';
  /** How long the stream poller took, after the last write, to bring the aggregate up to date. */
  catchUpMs?: number;
}

/**
 * Submitted responses written through the survey's own store (invitation, draft, submission: the
 * same items and transactions as a real submit), many at a time so that 10,000 take about a minute.
 */
async function addSubmittedResponses(surveys: SurveyStore, surveyId: string, from: number, to: number) {
  const one = async (index: number) => {
    const invitationId = randomUUID();
    const now = new Date(Date.UTC(2026, 0, 2) + index * 60_000).toISOString();
    await surveys.createInvitation({
      invitationId,
      surveyId,
      institutionName: `Einrichtung ${index}`,
      email: `bench-eval-${index}@example.org`,
      emailHash: `bench-eval-${index}`,
      language: 'de',
      tokenHash: `bench-eval-token-${surveyId}-${index}`,
      createdAt: now,
      lastSentAt: now,
      reminderCount: 0,
      expiresAt: expiryOf('surveyInvitation', new Date()),
    });
    const answers = completeAnswers();
    answers.institution.name = `Einrichtung ${index}`;
    answers.institution.sector = sectors[index % sectors.length];
    answers.needs = { categories: ['language', 'housing'], description: 'Mehr Kurse', mostHelpful: '' };
    const draft = {
      surveyId,
      invitationId,
      answers,
      language: 'de' as const,
      savedAt: now,
      submissionCount: 0,
      expiresAt: expiryOf('surveyDraft', new Date()),
    };
    await surveys.saveDraft(draft, { name: '', role: '', email: '', phone: '' }, 0, 0);
    const invitation = await surveys.getInvitation(surveyId, invitationId);
    if (!invitation) throw new Error('bench invitation missing');
    await surveys.submit(
      { ...draft, version: 1 },
      {
        surveyId,
        invitationId,
        number: 1,
        answers,
        language: 'de',
        submittedAt: now,
        draftVersion: 1,
        privacyNoticeVersion: answers.privacy.noticeVersion ?? '',
        channel: 'web',
        questionnaireVersion,
      },
      invitation,
    );
  };
  const parallel = 16;
  for (let start = from; start < to; start += parallel) {
    await Promise.all(
      Array.from({ length: Math.min(parallel, to - start) }, (_, offset) => one(start + offset)),
    );
  }
}

/**
 * `GET …/evaluation` with 100, 1,000 and 10,000 submitted responses in the store, each size measured
 * right after the responses were added and the stream applied, as a ratio to `GET /api/health` of the
 * same run: unfiltered (from the aggregate) and filtered by sector (counted from the keyed Queries).
 */
export async function measureEvaluation(stack: LocalStack, health: LoadFigure): Promise<EvaluationFigure[]> {
  const token = await signIn(stack.url, 'staff');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${stack.url}/api/staff/surveys`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      title: 'Bench evaluation',
      opensAt: '2026-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
    }),
  });
  const { surveyId } = (await created.json()) as { surveyId: string };
  const surveys = new SurveyStore(stack.store);
  const url = `${stack.url}/api/staff/surveys/${surveyId}/evaluation`;
  const figures: EvaluationFigure[] = [];
  let seeded = 0;
  for (const size of evaluationSizes) {
    await addSubmittedResponses(surveys, surveyId, seeded, size);
    seeded = size;
    // The poller applies the stream while the responses are written; wait for the rest.
    const caughtUp = performance.now();
    await stack.aggregates?.drain();
    const catchUpMs = round(performance.now() - caughtUp);
    for (const path of ['aggregate', 'query'] as const) {
      const at = path === 'aggregate' ? url : `${url}?sector=${sectors[0]}`;
      const started = performance.now();
      const first = await fetch(at, { headers });
      if (!first.ok) throw new Error(`evaluation answered ${first.status}`);
      const body = (await first.json()) as { progress: { submitted: number } };
      const firstRequestMs = round(performance.now() - started);
      if (path === 'aggregate' && body.progress.submitted !== size) {
        throw new Error(`the aggregate holds ${body.progress.submitted} of ${size} responses`);
      }
      // Fewer requests at the larger sizes keep the run bounded; one connection, so each request is
      // measured alone, with a timeout long enough for the largest store.
      const amount = path === 'aggregate' ? 200 : size >= 10_000 ? 10 : size >= 1_000 ? 50 : 200;
      const label = path === 'aggregate' ? 'GET …/evaluation' : `GET …/evaluation?sector=${sectors[0]}`;
      const load = await measureLoad(
        { scenario: `${label} (${size.toLocaleString('en')} responses)`, url: at, headers },
        { connections: 1, amount, timeoutSeconds: 120 },
      );
      figures.push({ ...relativeTo(health, load), responses: size, firstRequestMs, path, catchUpMs });
    }
  }
  return figures;
}
