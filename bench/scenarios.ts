import type { Request } from 'autocannon';
import { accessTokenHeaders, tokenOfLink } from '../functions/shared/links/token-links';
import { completeAnswers } from '../functions/survey/testing/fixtures';
import type { LocalStack } from '../local/stack';
import { signIn } from '../local/testing/local-stack';
import { type LoadFigure, measureLoad, relativeTo } from './http-load';

/** Feature load scenarios, each measured after `GET /api/health` and reported as a ratio to it. */
export type Scenario = (health: LoadFigure) => Promise<LoadFigure>;

const respondents = 300;
const contact = { name: 'Bench', role: 'Leitung', email: 'bench@example.org', phone: '0931 1' };

/** Invitations for the survey scenarios: each request answers for another institution, as in reality. */
async function invitationTokens(stack: LocalStack): Promise<string[]> {
  const headers = {
    authorization: `Bearer ${await signIn(stack.url, 'admin')}`,
    'content-type': 'application/json',
  };
  const survey = (await (
    await fetch(`${stack.url}/api/staff/surveys`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title: 'Bench',
        opensAt: '2026-01-01T00:00:00Z',
        closesAt: '2099-01-01T00:00:00Z',
      }),
    })
  ).json()) as { surveyId: string };
  const tokens: string[] = [];
  for (let index = 0; index < respondents; index += 1) {
    const issued = (await (
      await fetch(`${stack.url}/api/staff/surveys/${survey.surveyId}/invitations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          institutionName: `Einrichtung ${index}`,
          email: `bench${index}@example.org`,
          language: 'de',
        }),
      })
    ).json()) as { link: string };
    tokens.push(tokenOfLink(issued.link));
  }
  return tokens;
}

function perRequest(
  tokens: string[],
  build: (token: string) => { path: string; method: Request['method']; body: string },
) {
  let next = 0;
  return [
    {
      setupRequest: (request: Request): Request => {
        const token = tokens[next % tokens.length] ?? '';
        next += 1;
        return {
          ...request,
          ...build(token),
          headers: { 'content-type': 'application/json', ...accessTokenHeaders(token) },
        };
      },
    },
  ];
}

/** One bot turn per request (expectReplies), each a new activity in an ongoing conversation. */
function botTurn(stack: LocalStack, scenario: string, text: string) {
  let next = 0;
  return {
    scenario: `POST /api/messages (${scenario})`,
    url: stack.url,
    requests: [
      {
        setupRequest: (request: Request): Request => {
          next += 1;
          return {
            ...request,
            method: 'POST',
            path: '/api/messages',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              type: 'message',
              id: `bench-${scenario}-${next}`,
              channelId: 'bench',
              serviceUrl: 'http://127.0.0.1:9/',
              conversation: { id: `bench-${scenario}-${next}` },
              from: { id: 'bench-user' },
              recipient: { id: 'bot' },
              text,
              locale: 'de-DE',
              deliveryMode: 'expectReplies',
            }),
          };
        },
      },
    ],
  };
}

/**
 * Experts of an interview round for the booking scenarios: a round with back-to-back hour slots on
 * weekdays (one interviewer, so the interviewer locks are written too) and `experts` invitations.
 */
async function bookingRound(stack: LocalStack, interviewer: string, experts: number) {
  const headers = {
    authorization: `Bearer ${await signIn(stack.url, 'staff')}`,
    'content-type': 'application/json',
  };
  const post = async <T>(path: string, body: unknown) =>
    (await (
      await fetch(`${stack.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
    ).json()) as T;
  const { roundId } = await post<{ roundId: string }>('/api/staff/interview-rounds', {
    topic: 'Bench',
    interviewers: [{ email: interviewer, name: 'Bench' }],
    durationMinutes: 60,
    location: { kind: 'online', url: 'https://meet.example/bench' },
  });
  const { created } = await post<{ created: { slotId: string }[] }>(
    `/api/staff/interview-rounds/${roundId}/slots`,
    {
      kind: 'recurring',
      weekdays: [1, 2, 3, 4, 5],
      fromDate: '2099-03-02',
      untilDate: '2099-03-27',
      dayStart: '08:00',
      dayEnd: '18:00',
    },
  );
  const tokens: string[] = [];
  for (let index = 0; index < experts; index += 1) {
    const { link } = await post<{ link: string }>(`/api/staff/interview-rounds/${roundId}/interviews`, {
      name: `Expertin ${index}`,
      email: `bench-expert${index}@example.org`,
      institution: `Einrichtung ${index}`,
    });
    tokens.push(tokenOfLink(link));
  }
  return { slotIds: created.map((slot) => slot.slotId), tokens };
}

/** Request `i` books slot `slotOf(i)` for expert `i`. */
function bookings(tokens: string[], slotIds: string[], slotOf: (index: number) => number) {
  let next = 0;
  return [
    {
      setupRequest: (request: Request): Request => {
        const index = next;
        next += 1;
        return {
          ...request,
          method: 'POST',
          path: '/api/interview/booking',
          headers: {
            'content-type': 'application/json',
            ...accessTokenHeaders(tokens[index % tokens.length] ?? ''),
          },
          body: JSON.stringify({ slotId: slotIds[slotOf(index) % slotIds.length] }),
        };
      },
    },
  ];
}

export async function loadScenarios(stack: LocalStack): Promise<Scenario[]> {
  const tokens = await invitationTokens(stack);
  const freeSlots = await bookingRound(stack, 'bench-a@lra.example', 200);
  const contested = await bookingRound(stack, 'bench-b@lra.example', 200);
  // Every institution reports its own offerings (fresh ids), as in reality.
  const draft = () => JSON.stringify({ answers: completeAnswers(), contact, version: 0, language: 'de' });
  return [
    async (health) =>
      relativeTo(
        health,
        await measureLoad(
          {
            scenario: 'PUT /api/survey/draft (first save)',
            url: stack.url,
            requests: perRequest(tokens, () => ({
              path: '/api/survey/draft',
              method: 'PUT',
              body: draft(),
            })),
          },
          { connections: 10, amount: respondents },
        ),
      ),
    async (health) =>
      relativeTo(
        health,
        await measureLoad(
          {
            scenario: 'POST /api/survey/submit',
            url: stack.url,
            requests: perRequest(tokens, () => ({
              path: '/api/survey/submit',
              method: 'POST',
              body: JSON.stringify({ version: 1 }),
            })),
          },
          { connections: 10, amount: respondents },
        ),
      ),
    async (health) =>
      relativeTo(
        health,
        await measureLoad({
          scenario: 'GET /api/offerings?q=deutsch',
          url: `${stack.url}/api/offerings?q=deutsch`,
        }),
      ),
    async (health) =>
      relativeTo(
        health,
        await measureLoad(botTurn(stack, 'bot knowledge turn', 'Wer gehört zum Steuerungskreis?')),
      ),
    async (health) =>
      relativeTo(
        health,
        await measureLoad(botTurn(stack, 'bot offerings turn', 'Deutschkurs in Ochsenfurt')),
      ),
    async (health) =>
      relativeTo(
        health,
        await measureLoad(
          {
            scenario: 'POST /api/interview/booking (each expert another slot)',
            url: stack.url,
            requests: bookings(freeSlots.tokens, freeSlots.slotIds, (index) => index),
          },
          { connections: 10, amount: 200 },
        ),
      ),
    // Ten experts race for each slot: one booking and nine 409 "taken" answers per slot (non-2xx).
    async (health) =>
      relativeTo(
        health,
        await measureLoad(
          {
            scenario: 'POST /api/interview/booking (10 experts per slot)',
            url: stack.url,
            requests: bookings(contested.tokens, contested.slotIds, (index) => Math.floor(index / 10)),
          },
          { connections: 10, amount: 200 },
        ),
      ),
  ];
}
