import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimits } from '../functions/shared/config/rate-limits';
import { translate } from '../functions/shared/i18n/messages';
import type { LocalStack } from './stack';
import { messageActivity, postActivity } from './testing/bot-client';
import { signIn, startTestStack } from './testing/local-stack';

/** A stack of its own (its own table, so its own counters) with the given limits, for one describe block. */
function useLimitedStack(rateLimits: Partial<RateLimits>) {
  const state: { stack?: LocalStack; staff?: Record<string, string> } = {};
  beforeAll(async () => {
    state.stack = await startTestStack({ rateLimits });
    state.staff = {
      authorization: `Bearer ${await signIn(state.stack.url, 'staff')}`,
      'content-type': 'application/json',
    };
  });
  afterAll(async () => {
    await state.stack?.stop();
  });
  const url = () => state.stack?.url ?? '';
  const staff = () => state.staff ?? {};
  return { url, staff };
}

const json = { 'content-type': 'application/json' };

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * A request from another loopback address (127.0.0.0/8 is all loopback on Linux): the local server
 * takes the client's address from the connection, so each test has its own address's counters.
 */
function sendFrom(
  from: string,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) {
  return new Promise<Answer>((resolve, reject) => {
    const outgoing = request(
      url,
      { method: init.method, headers: init.headers, localAddress: from },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

async function newWorkshop(url: string, staff: Record<string, string>): Promise<string> {
  const response = await fetch(`${url}/api/staff/workshops`, {
    method: 'POST',
    headers: staff,
    body: JSON.stringify({
      title: 'Workshop',
      startsAt: '2099-03-10T14:00:00+01:00',
      endsAt: '2099-03-10T18:00:00+01:00',
      place: 'Landratsamt',
      capacity: 5,
      registrationClosesAt: '2099-03-01T00:00:00+01:00',
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { workshopId: string }).workshopId;
}

const person = (email: string) => ({ name: 'Erika', email, institution: 'VHS', language: 'de' });

// One stack per file: the functions read their configuration once per process. Day windows, so that
// no window ends in the middle of a test.
const day = 86_400;
const { url, staff } = useLimitedStack({
  mail: { limit: 20, windowSeconds: day },
  recipient: { limit: 3, windowSeconds: day },
  token: { limit: 5, windowSeconds: day },
  conversation: { limit: 5, windowSeconds: day },
});

describe('a burst of 300 requests at a public route that sends mail', () => {
  it("sends mail for the first 20, answers the rest 429 with Retry-After in the caller's language, and never 5xx", async () => {
    const workshopId = await newWorkshop(url(), staff());
    const run = randomUUID().slice(0, 8);
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, index) =>
        sendFrom('127.0.0.2', `${url()}/api/workshops/${workshopId}/registrations`, {
          method: 'POST',
          headers: { ...json, 'accept-language': 'uk' },
          body: JSON.stringify(person(`burst-${run}-${index}@example.org`)),
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(20);
    // On a loaded machine DynamoDB Local can be too slow to count a few of the 300 within the store
    // client's timeout: the mail limit then refuses them with 503 and Retry-After (it fails closed),
    // never an internal error, and never a 21st mail.
    const unavailable = responses.filter((response) => response.status === 503);
    expect(unavailable.length).toBeLessThan(30);
    for (const response of unavailable) expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 429)).toHaveLength(280 - unavailable.length);
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);

    const refused = responses.find((response) => response.status === 429);
    const retryAfter = Number(refused?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(day);
    expect(refused?.headers['content-type']).toContain('application/problem+json');
    expect(refused?.headers['strict-transport-security']).toContain('max-age=');
    const problem = JSON.parse(refused?.text ?? '{}') as Record<string, unknown>;
    expect(problem).toMatchObject({
      type: '/problems/rate-limited',
      status: 429,
      title: translate('uk', 'problems.rate_limited.title'),
      detail: translate('uk', 'rateLimits.mail', { minutes: Math.ceil(retryAfter / 60) }),
      retryAfter,
    });

    const outbox = (await (await fetch(`${url()}/api/dev/outbox?limit=100`)).json()) as {
      messages: { to: string[] }[];
    };
    const burstLetters = outbox.messages.filter((message) => message.to[0]?.startsWith(`burst-${run}-`));
    expect(burstLetters).toHaveLength(20);
  });
});

describe('limits per recipient, per link token and per conversation', () => {
  it('mails one address at most the daily limit, whoever asks, and still mails others', async () => {
    const workshopId = await newWorkshop(url(), staff());
    const victim = `victim-${randomUUID().slice(0, 8)}@example.org`;
    const register = (email: string) =>
      sendFrom('127.0.0.3', `${url()}/api/workshops/${workshopId}/registrations?lang=en`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(person(email)),
      });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) statuses.push((await register(victim)).status);
    expect(statuses).toEqual([202, 202, 202, 429, 429]);

    const refused = await register(victim.toUpperCase());
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(day);
    expect((JSON.parse(refused.text) as { detail: string }).detail).toBe(
      translate('en', 'rateLimits.recipient'),
    );

    expect((await register(`someone-else-${randomUUID().slice(0, 8)}@example.org`)).status).toBe(202);
  });

  it('answers one survey link at most the limit per window, and another link still', async () => {
    const created = await fetch(`${url()}/api/staff/surveys`, {
      method: 'POST',
      headers: staff(),
      body: JSON.stringify({
        title: 'Limits',
        opensAt: '2026-01-01T00:00:00Z',
        closesAt: '2099-01-01T00:00:00Z',
        openParticipation: false,
      }),
    });
    const { surveyId } = (await created.json()) as { surveyId: string };
    const tokens: string[] = [];
    for (const name of ['VHS Ochsenfurt', 'Caritas Giebelstadt']) {
      const invited = await fetch(`${url()}/api/staff/surveys/${surveyId}/invitations`, {
        method: 'POST',
        headers: staff(),
        body: JSON.stringify({ institutionName: name, email: `${randomUUID()}@example.org`, language: 'de' }),
      });
      const { link } = (await invited.json()) as { link: string };
      tokens.push(new URL(link).hash.slice(1));
    }
    const [first, second] = tokens;
    const linkHeader = (token: string | undefined) => ({ 'wegweiser-access-token': token ?? '' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      statuses.push((await fetch(`${url()}/api/survey`, { headers: linkHeader(first) })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect((await fetch(`${url()}/api/survey`, { headers: linkHeader(second) })).status).toBe(200);
  });

  it('answers one conversation at most the limit per window, and another conversation still', async () => {
    const conversation = `limits-${randomUUID()}`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const { status } = await postActivity(url(), messageActivity(conversation, { text: 'Hallo' }));
      statuses.push(status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const other = await postActivity(url(), messageActivity(`limits-${randomUUID()}`, { text: 'Hallo' }));
    expect(other.status).toBe(200);
  });
});
