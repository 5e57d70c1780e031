import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { OfferingStore } from '../functions/offerings/offering-store';
import { unavailableRetryAfterSeconds } from '../functions/shared/http/problem';
import { createDocumentClient, storeClientLimits } from '../functions/shared/store/client';
import { Store } from '../functions/shared/store/store';
import { SurveyStore } from '../functions/survey/survey-store';
import { completeAnswers } from '../functions/survey/testing/fixtures';
import type { LocalStack } from './stack';
import { messageActivity, postActivity } from './testing/bot-client';
import { type FaultProxy, startFaultProxy } from './testing/fault-proxy';
import { signIn, startTestStack } from './testing/local-stack';

const contact = { name: 'Erika Beispiel', role: 'Leitung', email: 'erika@example.org', phone: '0931 123' };
const json = { 'content-type': 'application/json' };

interface Problem {
  type: string;
  title: string;
  status: number;
}

/**
 * DynamoDB faults through the whole system: the local server and its functions talk to DynamoDB Local
 * through a proxy that throttles or hangs chosen operations with DynamoDB's real error answers, so the
 * store client's retries are the SDK's own (counted at the proxy). Read-backs bypass the proxy.
 */
describe('the API while DynamoDB throttles or hangs', () => {
  let proxy: FaultProxy;
  let stack: LocalStack;
  let staff: Record<string, string>;
  let direct: Store;

  beforeAll(async () => {
    proxy = await startFaultProxy(inject('dynamoDbEndpoint'));
    // No stream poller: its own reads and writes would pass the proxy and blur the attempt counts.
    stack = await startTestStack({ dynamoDbEndpoint: proxy.url, streamIntervalMs: 0 });
    staff = { authorization: `Bearer ${await signIn(stack.url, 'admin')}`, ...json };
    direct = new Store(
      createDocumentClient({ region: 'eu-central-1', endpoint: inject('dynamoDbEndpoint') }),
      stack.tableName,
    );
  });
  afterAll(async () => {
    await stack?.stop();
    direct?.client.destroy();
    await proxy?.close();
  });
  beforeEach(() => proxy.reset());

  const post = (path: string, body: unknown, headers: Record<string, string> = staff) =>
    fetch(`${stack.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

  async function expectUnavailable(response: Response, language: 'de' | 'en' = 'de') {
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(String(unavailableRetryAfterSeconds));
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('content-language')).toBe(language);
    const problem = (await response.json()) as Problem;
    expect(problem.type).toBe('/problems/unavailable');
    expect(problem.status).toBe(503);
    expect(problem.title).toBe(
      language === 'en' ? 'Temporarily unavailable' : 'Vorübergehend nicht verfügbar',
    );
  }

  /** A survey, one invitation and a complete saved draft: what a submit needs. */
  async function savedDraft() {
    const created = await post('/api/staff/surveys', {
      title: `Störung ${randomUUID().slice(0, 8)}`,
      opensAt: '2026-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
      openParticipation: false,
    });
    expect(created.status).toBe(201);
    const { surveyId } = (await created.json()) as { surveyId: string };
    const invited = await post(`/api/staff/surveys/${surveyId}/invitations`, {
      institutionName: 'VHS Ochsenfurt',
      email: 'info@vhs.example',
      language: 'de',
    });
    expect(invited.status).toBe(201);
    const issued = (await invited.json()) as { invitation: { invitationId: string }; link: string };
    const token = new URL(issued.link).hash.slice(1);
    const saved = await fetch(`${stack.url}/api/survey/draft`, {
      method: 'PUT',
      headers: { ...json, 'wegweiser-access-token': token },
      body: JSON.stringify({ answers: completeAnswers(), contact, version: 0, language: 'de' }),
    });
    expect(saved.status).toBe(200);
    const { version } = (await saved.json()) as { version: number };
    return { surveyId, token, invitationId: issued.invitation.invitationId, version };
  }

  it('answers a throttled submit 503 with Retry-After after the SDK retried, writes nothing, then submits once', async () => {
    const { token, invitationId, version } = await savedDraft();
    const surveys = new SurveyStore(direct);
    const before = await surveys.getDraft(invitationId);

    proxy.reset();
    proxy.inject({ operation: 'TransactWriteItems', fault: 'provisioned' });
    const refused = await post(
      `/api/survey/submit?lang=en`,
      { version },
      { ...json, 'wegweiser-access-token': token },
    );
    await expectUnavailable(refused, 'en');
    expect(proxy.attempts('TransactWriteItems')).toBe(storeClientLimits.maxAttempts);

    // Nothing half-written: the draft, the submissions and the invitation are exactly as before.
    expect(await surveys.getDraft(invitationId)).toEqual(before);
    expect(await surveys.listSubmissions(invitationId)).toEqual([]);

    proxy.reset();
    const retried = await post(
      `/api/survey/submit`,
      { version },
      { ...json, 'wegweiser-access-token': token },
    );
    expect(retried.status).toBe(200);
    const again = await post(`/api/survey/submit`, { version }, { ...json, 'wegweiser-access-token': token });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await retried.json());
    expect(await surveys.listSubmissions(invitationId)).toHaveLength(1);
  });

  it('keeps a throttled draft save as it was', async () => {
    const { token, invitationId, version } = await savedDraft();
    const surveys = new SurveyStore(direct);
    const before = await surveys.getDraft(invitationId);
    proxy.inject({ operation: 'TransactWriteItems', fault: 'throttling' });
    const answers = completeAnswers();
    answers.institution.name = 'Neuer Name';
    const refused = await fetch(`${stack.url}/api/survey/draft`, {
      method: 'PUT',
      headers: { ...json, 'wegweiser-access-token': token },
      body: JSON.stringify({ answers, contact, version, language: 'de' }),
    });
    await expectUnavailable(refused);
    expect(await surveys.getDraft(invitationId)).toEqual(before);
  });

  it('finishes on retry a submit that failed after its answers were kept (its offerings reach the review)', async () => {
    const { token, invitationId, version } = await savedDraft();
    // The submission transaction goes through; creating the reported offering is throttled.
    proxy.inject({ operation: 'PutItem', fault: 'throttling', bodyContains: '"entity":{"S":"Offering"}' });
    const refused = await post(
      `/api/survey/submit`,
      { version },
      { ...json, 'wegweiser-access-token': token },
    );
    await expectUnavailable(refused);
    expect(proxy.faulted('PutItem')).toBe(storeClientLimits.maxAttempts);
    const offerings = new OfferingStore(direct);
    expect(await offerings.listOfInvitation(invitationId)).toEqual([]);

    proxy.reset();
    const retried = await post(
      `/api/survey/submit`,
      { version },
      { ...json, 'wegweiser-access-token': token },
    );
    expect(retried.status).toBe(200);
    const published = await offerings.listOfInvitation(invitationId);
    expect(published.map((offering) => [offering.title, offering.status])).toEqual([
      ['Deutschkurs am Abend', 'pending'],
    ]);
    expect(await new SurveyStore(direct).listSubmissions(invitationId)).toHaveLength(1);
  });

  it('creates a survey once when a throttled create is retried with its Idempotency-Key', async () => {
    const title = `Einmal trotz Drosselung ${randomUUID().slice(0, 8)}`;
    const body = {
      title,
      opensAt: '2026-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
      openParticipation: false,
    };
    const headers = { ...staff, 'idempotency-key': `fault-${randomUUID()}` };
    proxy.inject({ operation: 'PutItem', fault: 'throttling', bodyContains: '"entity":{"S":"Survey"}' });
    await expectUnavailable(await post('/api/staff/surveys', body, headers));
    expect(proxy.faulted('PutItem')).toBe(storeClientLimits.maxAttempts);

    proxy.reset();
    const retried = await post('/api/staff/surveys', body, headers);
    expect(retried.status).toBe(201);
    const replayed = await post('/api/staff/surveys', body, headers);
    expect(replayed.status).toBe(201);
    const first = (await retried.json()) as { surveyId: string };
    expect(((await replayed.json()) as { surveyId: string }).surveyId).toBe(first.surveyId);
    const list = (await (await fetch(`${stack.url}/api/staff/surveys`, { headers: staff })).json()) as {
      surveys: { title: string }[];
    };
    expect(list.surveys.filter((survey) => survey.title === title)).toHaveLength(1);
  });

  it('answers 503 when DynamoDB hangs, after every attempt timed out', async () => {
    const { token } = await savedDraft();
    proxy.reset();
    proxy.inject({ operation: 'GetItem', fault: 'stall' });
    await expectUnavailable(
      await fetch(`${stack.url}/api/survey`, { headers: { 'wegweiser-access-token': token } }),
    );
    expect(proxy.faulted('GetItem')).toBe(storeClientLimits.maxAttempts);
  });

  it('answers a throttled bot turn 503, and its redelivery once', async () => {
    const activity = messageActivity(`fault-${randomUUID()}`, { text: 'Hallo', locale: 'de-DE' });
    proxy.inject({ operation: 'PutItem', fault: 'throttling', bodyContains: '"entity":{"S":"BotState"}' });
    const response = await fetch(`${stack.url}/api/messages`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(String(unavailableRetryAfterSeconds));
    expect(proxy.faulted('PutItem')).toBe(storeClientLimits.maxAttempts);

    proxy.reset();
    const redelivered = await postActivity(stack.url, activity);
    expect(redelivered.status).toBe(200);
    expect(redelivered.activities.length).toBeGreaterThan(0);
    const duplicate = await postActivity(stack.url, activity);
    expect(duplicate.status).toBe(200);
    expect(duplicate.activities).toEqual([]);
  });
});
