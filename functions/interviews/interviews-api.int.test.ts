import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { demoInterviewToken } from '../../local/demo-interviews';
import { useSignedInStack } from '../../local/testing/local-stack';
import { accessTokenHeaders, tokenOfLink } from '../shared/links/token-links';

/** Tuesday 2 March 2027, 09:00 Berlin (CET) is 08:00 UTC. */
const nine = '20270302T080000Z';

describe('interview API through the local server', { timeout: 120_000 }, () => {
  const stack = useSignedInStack();
  const json = { 'content-type': 'application/json' };

  const call = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = stack.staff,
  ) =>
    fetch(`${stack.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function outbox(purpose: string) {
    const page = (await (await fetch(`${stack.url}/api/dev/outbox?limit=100`)).json()) as {
      messages: {
        purpose: string;
        to: string[];
        text: string;
        attachments: { contentBase64: string; contentType: string }[];
      }[];
    };
    return page.messages.filter((message) => message.purpose === purpose);
  }

  /** Each test has an interviewer of its own: one interviewer is never booked twice at 09:00, across rounds. */
  async function roundWithSlots(interviewer: string) {
    const created = await call('POST', '/api/staff/interview-rounds', {
      topic: 'Sprachkurse',
      interviewers: [{ email: interviewer, name: 'Anna Berger' }],
      durationMinutes: 60,
      location: { kind: 'online', url: 'https://meet.example/abc' },
      changeCutOffHours: 24,
      reminderLeadHours: 24,
    });
    expect(created.status).toBe(201);
    const { roundId } = (await created.json()) as { roundId: string };
    const slots = await call('POST', `/api/staff/interview-rounds/${roundId}/slots`, {
      kind: 'recurring',
      weekdays: [2],
      fromDate: '2027-03-01',
      untilDate: '2027-03-07',
      dayStart: '09:00',
      dayEnd: '12:00',
    });
    expect(slots.status).toBe(201);
    expect(((await slots.json()) as { created: unknown[] }).created).toHaveLength(3);
    return roundId;
  }

  async function invite(roundId: string, email: string) {
    const response = await call('POST', `/api/staff/interview-rounds/${roundId}/interviews`, {
      name: 'Dr. Lena Vogt',
      email,
      institution: 'Caritas Würzburg',
      topics: ['counselling'],
      language: 'en',
    });
    expect(response.status).toBe(201);
    const { link, interview } = (await response.json()) as {
      link: string;
      interview: { interviewId: string };
    };
    expect(new URL(link).searchParams.get('lang')).toBe('en');
    return { token: tokenOfLink(link), interviewId: interview.interviewId };
  }

  it('books once for a retried request, answers another expert with a localized 409, and cancels', async () => {
    const roundId = await roundWithSlots('anna@lra.example');
    const first = await invite(roundId, 'lena@caritas.example');
    const second = await invite(roundId, 'omar@caritas.example');

    const view = (await (
      await fetch(`${stack.url}/api/interview?lang=en`, { headers: accessTokenHeaders(first.token) })
    ).json()) as {
      freeSlots: { slotId: string }[];
    };
    expect(view.freeSlots.map((slot) => slot.slotId)).toContain(nine);

    const retry = { ...json, 'idempotency-key': 'book-retry-0001' };
    const booked = await call(
      'POST',
      '/api/interview/booking',
      { slotId: nine, comment: 'Hi' },
      { ...retry, ...accessTokenHeaders(first.token) },
    );
    const again = await call(
      'POST',
      '/api/interview/booking',
      { slotId: nine, comment: 'Hi' },
      { ...retry, ...accessTokenHeaders(first.token) },
    );
    expect([booked.status, again.status]).toEqual([201, 201]);
    expect(await again.json()).toEqual(await booked.json());

    // Every link shares the path now: another expert sending the same key and body is not answered
    // from the first expert's booking (the key is scoped to the link's token).
    const sameKey = await call(
      'POST',
      '/api/interview/booking?lang=en',
      { slotId: nine, comment: 'Hi' },
      { ...retry, ...accessTokenHeaders(second.token) },
    );
    expect(sameKey.status).toBe(409);

    const taken = await call(
      'POST',
      '/api/interview/booking?lang=en',
      { slotId: nine },
      { ...json, ...accessTokenHeaders(second.token) },
    );
    expect(taken.status).toBe(409);
    expect(taken.headers.get('content-type')).toContain('application/problem+json');
    expect(await taken.json()).toMatchObject({
      type: '/problems/slot-taken',
      title: 'Time taken',
      status: 409,
    });

    const [confirmation] = await outbox('interview-confirmation');
    expect(confirmation?.attachments[0]?.contentType).toContain('method=REQUEST');
    const ics = Buffer.from(confirmation?.attachments[0]?.contentBase64 ?? '', 'base64').toString('utf8');
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent') ?? undefined,
    );
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-02T08:00:00.000Z');
    // The calendar entry links to the booking page with the token in the fragment only.
    const entryUrl = new URL(String(event.component.getFirstPropertyValue('url')));
    expect(entryUrl.pathname).toBe('/interview');
    expect(entryUrl.hash).toBe(`#${first.token}`);
    expect(ics).not.toContain(`/interview/${first.token}`);
    const invitations = await outbox('interview-invitation');
    expect(invitations.length).toBeGreaterThan(0);
    for (const mail of [...invitations, confirmation]) {
      expect(mail?.text).toMatch(/\/interview\?lang=[a-z]{2}#[\w-]{22,}/);
      expect(mail?.text).not.toMatch(/\/interview\/[\w-]{22,}/);
    }

    const calendar = (await (
      await call(
        'GET',
        `/api/staff/interview-rounds/${roundId}/calendar?from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z`,
      )
    ).json()) as { slots: { slotId: string; free: boolean; booking?: { state: string } }[] };
    expect(calendar.slots.find((slot) => slot.slotId === nine)).toMatchObject({
      free: false,
      booking: { state: 'booked' },
    });

    const cancelled = await call(
      'DELETE',
      '/api/interview/booking',
      undefined,
      accessTokenHeaders(first.token),
    );
    expect(cancelled.status).toBe(200);
    const rebooked = await call(
      'POST',
      '/api/interview/booking',
      { slotId: nine },
      {
        ...json,
        ...accessTokenHeaders(second.token),
      },
    );
    expect(rebooked.status).toBe(201);
  });

  it('sends a reminder when the scheduler invokes the function with a reminder event, and only once', async () => {
    const roundId = await roundWithSlots('ben@lra.example');
    const expert = await invite(roundId, 'reminder@caritas.example');
    expect(
      (
        await call(
          'POST',
          '/api/interview/booking',
          { slotId: nine },
          {
            ...json,
            ...accessTokenHeaders(expert.token),
          },
        )
      ).status,
    ).toBe(201);
    const { handler } = await import('./index');
    const event = {
      source: 'wegweiser.interview-reminder' as const,
      roundId,
      interviewId: expert.interviewId,
      startsAt: '2027-03-02T08:00:00.000Z',
    };
    const context = { invokedFunctionArn: 'local:interviews' } as Parameters<typeof handler>[1];

    expect(await handler(event, context)).toBe('sent');
    expect(await handler(event, context)).toBe('already_sent');

    const reminders = (await outbox('interview-reminder')).filter((message) =>
      message.to.includes('reminder@caritas.example'),
    );
    expect(reminders).toHaveLength(1);
  });

  it('seeds a demo round whose invited expert can open the link and sees free slots', async () => {
    const response = await fetch(`${stack.url}/api/interview?lang=en`, {
      headers: accessTokenHeaders(demoInterviewToken),
    });
    expect(response.status).toBe(200);
    const view = (await response.json()) as { interview: { state: string }; freeSlots: unknown[] };
    expect(view.interview.state).toBe('invited');
    expect(view.freeSlots.length).toBeGreaterThan(10);
  });

  it('refuses bad input with 400 and the failing field, never 500', async () => {
    const roundId = await roundWithSlots('carla@lra.example');
    const response = await call('POST', `/api/staff/interview-rounds/${roundId}/slots`, {
      kind: 'recurring',
      weekdays: [9],
      fromDate: '2027-03-07',
      untilDate: '2027-03-01',
      dayStart: '09:10',
      dayEnd: '12:00',
    });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as { errors: { field: string }[] }).errors.map(
      (error) => error.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['body.weekdays.0', 'body.dayStart']));
  });
});
