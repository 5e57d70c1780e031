import { describe, expect, it } from 'vitest';
import ar from '../../content/messages/ar.json';
import de from '../../content/messages/de.json';
import { useSignedInStack } from '../../local/testing/local-stack';

describe('workshop API through the local server', () => {
  const stack = useSignedInStack('admin'); // exporting participants is for admins only

  const post = (path: string, body: unknown, headers: Record<string, string> = stack.staff) =>
    fetch(`${stack.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

  async function newWorkshop(registrationClosesAt: string) {
    const response = await post('/api/staff/workshops', {
      title: 'Workshop',
      startsAt: '2099-03-10T14:00:00+01:00',
      endsAt: '2099-03-10T18:00:00+01:00',
      place: 'Landratsamt',
      capacity: 1,
      registrationClosesAt,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { workshopId: string }).workshopId;
  }

  const person = { name: 'Erika', email: 'erika@example.org', institution: 'VHS', language: 'de' };

  it('refuses a workshop that ends before it starts, naming the field in the staff language', async () => {
    const response = await post('/api/staff/workshops?lang=de', {
      title: 'Workshop',
      startsAt: '2099-03-10T14:00:00+01:00',
      endsAt: '2099-03-10T13:00:00+01:00',
      place: 'Landratsamt',
      capacity: 10,
      registrationClosesAt: '2099-03-01T00:00:00+01:00',
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string; reason: string }[] };
    expect(problem.errors).toContainEqual({
      field: 'body.endsAt',
      code: 'workshop_ends_before_start',
      reason: de.validation.workshop_ends_before_start,
    });
  });

  it('keeps staff routes for staff', async () => {
    const response = await fetch(`${stack.url}/api/staff/workshops`);
    expect(response.status).toBe(401);
  });

  /** The letters the local stage "sent" to an address, newest first. */
  async function lettersTo(email: string) {
    const page = (await (await fetch(`${stack.url}/api/dev/outbox?limit=100`)).json()) as {
      messages: { purpose: string; to: string[] }[];
    };
    return page.messages.filter((message) => message.to[0] === email).map((message) => message.purpose);
  }

  it('answers a new, a registered and a waiting address byte for byte the same, and tells each by mail', async () => {
    const workshopId = await newWorkshop('2099-03-01T00:00:00+01:00');
    const headers = { 'content-type': 'application/json' };
    const register = async (body: object) => {
      const response = await post(`/api/workshops/${workshopId}/registrations`, body, headers);
      return { status: response.status, body: await response.text() };
    };
    const run = crypto.randomUUID().slice(0, 8);
    const first = { ...person, email: `erika-${run}@example.org` };
    const second = { ...person, email: `murat-${run}@example.org` };

    const answers = [
      await register(first), // new: the place
      await register(second), // new: the waiting list
      await register(first), // registered
      await register({ ...second, name: 'Jemand' }), // waiting
    ];

    expect(answers).toEqual(Array(4).fill({ status: 202, body: '{"status":"check_your_mail"}' }));
    expect(await lettersTo(first.email)).toEqual(['workshop-alreadyRegistered', 'workshop-registered']);
    expect(await lettersTo(second.email)).toEqual(['workshop-alreadyWaiting', 'workshop-waiting']);
    const page = (await (await fetch(`${stack.url}/api/workshops/${workshopId}`)).json()) as object;
    expect(page).toMatchObject({ capacity: 1, placesLeft: 0, waiting: 1, registrationOpen: true });
    expect(JSON.stringify(page)).not.toContain('erika');
  });

  it('answers open survey participation the same for a known and an unknown address', async () => {
    const created = await post('/api/staff/surveys', {
      title: 'Offene Teilnahme',
      opensAt: '2026-01-01T00:00:00+01:00',
      closesAt: '2099-01-01T00:00:00+01:00',
      openParticipation: true,
    });
    const { surveyId } = (await created.json()) as { surveyId: string };
    const ask = async (email: string) => {
      const response = await post(
        `/api/surveys/${surveyId}/participation`,
        { institutionName: 'Jugendtreff', email, language: 'de' },
        { 'content-type': 'application/json' },
      );
      return { status: response.status, body: await response.text() };
    };
    const known = `known-${crypto.randomUUID().slice(0, 8)}@example.org`;
    await ask(known);

    const answers = [await ask(known), await ask(`unknown-${crypto.randomUUID().slice(0, 8)}@example.org`)];

    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]?.status).toBe(202);
  });

  it('refuses registration after the deadline with 410 and a localized reason', async () => {
    const workshopId = await newWorkshop('2020-01-01T00:00:00+01:00');
    const response = await post(`/api/workshops/${workshopId}/registrations?lang=ar`, person, {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(410);
    const problem = (await response.json()) as { type: string; errors: { field: string; reason: string }[] };
    expect(problem.type).toBe('/problems/closed');
    expect(problem.errors).toEqual([
      { field: 'workshop', code: 'registration_closed', reason: ar.validation.registration_closed },
    ]);
  });

  it('exports the list as CSV with a byte order mark for Excel', async () => {
    const workshopId = await newWorkshop('2099-03-01T00:00:00+01:00');
    await post(
      `/api/workshops/${workshopId}/registrations`,
      { ...person, name: '@SUM(1+1)' },
      { 'content-type': 'application/json' },
    );
    const response = await fetch(
      `${stack.url}/api/staff/workshops/${workshopId}/registrations/export?lang=en`,
      {
        headers: stack.staff,
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="workshop-${workshopId}.csv"`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text.split('\r\n')[0]).toBe(
      '"Status";"Name";"E-mail address";"Institution";"Note";"Registered on"',
    );
    expect(text).toContain(`"'@SUM(1+1)"`);
  });
});
