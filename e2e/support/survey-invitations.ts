import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { OutboxPage } from '../../functions/dev/schemas';
import type { Language } from '../../functions/shared/i18n/languages';
import { accessTokenHeaders } from '../../functions/shared/links/token-links';
import {
  type ContactPerson,
  emptyAnswers,
  type Offering,
  privacyNoticeVersion,
  type SurveyAnswers,
} from '../../functions/survey/questionnaire';
import type { IssuedInvitation, RespondentView } from '../../functions/survey/schemas';
import { url } from './pages';
import { callApi, staffSession } from './staff';

/**
 * Invitations for browser tests, made through the staff API as staff would: each test gets its own
 * survey and invitation, so tests on the shared stack never see each other's answers.
 */

async function staffPost<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(url(path), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${(await staffSession()).token}` },
    body: JSON.stringify(body),
  });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(201);
  return (await response.json()) as T;
}

export interface TestInvitation {
  /** `/survey#<token>`, the link in the invitation e-mail without its language. */
  path: string;
  token: string;
  surveyTitle: string;
  institutionName: string;
  email: string;
  closesAt: string;
}

/** A new survey (open since a minute, closing after `closesInMs`) and one invitation to it. */
export async function newInvitation(options: { closesInMs?: number } = {}): Promise<TestInvitation> {
  const run = randomUUID().slice(0, 8);
  const now = Date.now();
  const closesAt = new Date(now + (options.closesInMs ?? 30 * 24 * 3600_000)).toISOString();
  const surveyTitle = `Bestandsaufnahme ${run}`;
  const survey = await staffPost<{ surveyId: string }>('/api/staff/surveys', {
    title: surveyTitle,
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt,
    openParticipation: false,
  });
  const institutionName = `Volkshochschule ${run}`;
  const email = `vhs-${run}@example.org`;
  const issued = await staffPost<z.infer<typeof IssuedInvitation>>(
    `/api/staff/surveys/${survey.surveyId}/invitations`,
    { institutionName, email, language: 'de' },
  );
  const link = new URL(issued.link);
  const token = link.hash.slice(1);
  return { path: `${link.pathname}#${token}`, token, surveyTitle, institutionName, email, closesAt };
}

/** What the server holds for an invitation right now (the respondent's view of it). */
export async function serverCopy(token: string): Promise<RespondentView> {
  const response = await fetch(url('/api/survey'), { headers: accessTokenHeaders(token) });
  expect(response.status).toBe(200);
  return (await response.json()) as RespondentView;
}

export type OutboxMessage = z.infer<typeof OutboxPage>['messages'][number];

/** The newest messages of the dev outbox. */
export async function outbox(): Promise<OutboxMessage[]> {
  const response = await fetch(url('/api/dev/outbox?limit=100'));
  expect(response.status).toBe(200);
  return ((await response.json()) as z.infer<typeof OutboxPage>).messages;
}

export interface ResponseToSubmit {
  institutionName: string;
  offerings?: Offering[];
  /** Not willing to be interviewed unless said otherwise. */
  interview?: SurveyAnswers['interview'];
  contact?: ContactPerson;
  language?: Language;
}

/** Answers an invitation completely (an adult education centre in Ochsenfurt) and submits it, via the API. */
export async function submitResponse(token: string, response: ResponseToSubmit): Promise<void> {
  const answers = emptyAnswers();
  answers.institution = {
    name: response.institutionName,
    sector: 'education',
    sectorOther: '',
    type: 'adult_education',
    typeOther: '',
    places: ['ochsenfurt'],
  };
  answers.offerings = response.offerings ?? [];
  answers.opening = { status: 'started', steps: ['staff_training'], stepsOther: '', obstacles: '' };
  answers.interview = response.interview ?? { willing: false, topics: [], topicsOther: '' };
  answers.privacy = { accepted: true, noticeVersion: privacyNoticeVersion };
  const saved = await callApi<{ version: number }>(
    'PUT',
    '/api/survey/draft',
    {
      answers,
      contact: response.contact ?? {
        name: 'Erika Beispiel',
        role: 'Leitung',
        email: 'erika@example.org',
        phone: '09331 0000',
      },
      version: 0,
      language: response.language ?? 'de',
    },
    undefined,
    token,
  );
  await callApi('POST', '/api/survey/submit', { version: saved.version }, undefined, token);
}
