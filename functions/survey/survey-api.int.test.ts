import { describe, expect, it } from 'vitest';
import { useSignedInStack } from '../../local/testing/local-stack';
import { accessTokenHeaders, tokenOfLink } from '../shared/links/token-links';
import { completeAnswers } from './testing/fixtures';

const contact = { name: 'Erika Beispiel', role: 'Leitung', email: 'erika@example.org', phone: '0931 123' };

describe('survey API through the local server', () => {
  const stack = useSignedInStack('admin'); // approving offerings is for admins only

  const post = (path: string, body: unknown, headers: Record<string, string> = stack.staff) =>
    fetch(`${stack.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

  async function newSurvey() {
    const response = await post('/api/staff/surveys', {
      title: 'Bestandsaufnahme',
      opensAt: '2026-01-01T00:00:00+01:00',
      closesAt: '2099-01-01T00:00:00+01:00',
      openParticipation: false,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { surveyId: string }).surveyId;
  }

  it('creates a survey once for a retried request with the same Idempotency-Key', async () => {
    const body = {
      title: 'Einmal',
      opensAt: '2026-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
      openParticipation: false,
    };
    const headers = { ...stack.staff, 'idempotency-key': 'create-survey-test-1' };
    const [first, second] = await Promise.all([
      post('/api/staff/surveys', body, headers),
      post('/api/staff/surveys', body, headers),
    ]);
    const statuses = [first.status, second.status].sort();
    // A retry that overlaps the first gets 409 (in progress); a later one gets the first answer back.
    expect(statuses[0]).toBe(201);
    const third = await post('/api/staff/surveys', body, headers);
    expect(third.status).toBe(201);
    const ids = new Set<string>();
    for (const response of [first, second, third]) {
      if (response.status === 201) ids.add(((await response.json()) as { surveyId: string }).surveyId);
    }
    expect(ids.size).toBe(1);
    const list = (await (await fetch(`${stack.url}/api/staff/surveys`, { headers: stack.staff })).json()) as {
      surveys: { title: string }[];
    };
    expect(list.surveys.filter((survey) => survey.title === 'Einmal')).toHaveLength(1);
  });

  it('walks an institution from invitation to submitted response, and names missing fields in its language', async () => {
    const surveyId = await newSurvey();
    const invited = await post(`/api/staff/surveys/${surveyId}/invitations`, {
      institutionName: 'VHS Ochsenfurt',
      email: 'info@vhs.example',
      language: 'en',
    });
    expect(invited.status).toBe(201);
    const { link } = (await invited.json()) as { link: string };
    const token = tokenOfLink(link);
    const json = { 'content-type': 'application/json' };

    const opened = (await (
      await fetch(`${stack.url}/api/survey`, { headers: accessTokenHeaders(token) })
    ).json()) as { version: number };
    expect(opened.version).toBe(0);

    const empty = await fetch(`${stack.url}/api/survey/draft?lang=en`, {
      method: 'PUT',
      headers: { ...json, ...accessTokenHeaders(token) },
      body: JSON.stringify({
        answers: { ...completeAnswers(), institution: { name: '' } },
        contact,
        version: 0,
        language: 'en',
      }),
    });
    expect(empty.status).toBe(400);
    const problem = (await empty.json()) as { errors: { field: string; reason: string }[] };
    expect(problem.errors.map((error) => error.field)).toContain('body.answers.institution.places');

    const saved = await fetch(`${stack.url}/api/survey/draft`, {
      method: 'PUT',
      headers: { ...json, ...accessTokenHeaders(token) },
      body: JSON.stringify({ answers: completeAnswers(), contact, version: 0, language: 'en' }),
    });
    expect(saved.status).toBe(200);
    const { version } = (await saved.json()) as { version: number };

    const stale = await fetch(`${stack.url}/api/survey/draft?lang=en`, {
      method: 'PUT',
      headers: { ...json, ...accessTokenHeaders(token) },
      body: JSON.stringify({ answers: completeAnswers(), contact, version: 0, language: 'en' }),
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { type: string }).type).toBe('/problems/version-conflict');

    const submitted = await post(
      '/api/survey/submit',
      { version },
      { ...json, ...accessTokenHeaders(token) },
    );
    expect(submitted.status).toBe(200);
    expect(((await submitted.json()) as { submissionNumber: number }).submissionNumber).toBe(1);

    const outbox = (await (await fetch(`${stack.url}/api/dev/outbox`)).json()) as {
      messages: { to: string[]; subject: string; text: string; purpose: string }[];
    };
    const confirmation = outbox.messages.find((message) => message.purpose === 'survey-confirmation');
    // Every mailed link carries its token in the fragment, never in a path a log keeps.
    const invitationMail = outbox.messages.find((message) => message.text.includes(token));
    expect(invitationMail?.text).toContain(`/survey?lang=en#${token}`);
    for (const message of outbox.messages) {
      expect(message.text).not.toMatch(/\/(survey|interview|workshop\/registration|invitation)\/[\w-]{22,}/);
    }
    expect(confirmation?.to).toEqual(['erika@example.org']);
    expect(confirmation?.text).toContain('Deutschkurs am Abend');

    const queue = (await (
      await fetch(`${stack.url}/api/staff/offerings`, { headers: stack.staff })
    ).json()) as {
      offerings: { offeringId: string; title: string; version: number }[];
    };
    const pending = queue.offerings.find((offering) => offering.title === 'Deutschkurs am Abend');
    expect(pending).toBeDefined();
    expect(queue.offerings.some((offering) => offering.title === 'Interner Sprachtreff')).toBe(false);

    const approved = await post(`/api/staff/offerings/${pending?.offeringId}/approve`, {
      version: pending?.version,
    });
    expect(approved.status).toBe(200);
    const directory = (await (
      await fetch(`${stack.url}/api/offerings?q=deutschkurs&place=ochsenfurt`)
    ).json()) as {
      offerings: { title: string; textLanguage: string }[];
    };
    expect(directory.offerings.map((offering) => offering.title)).toContain('Deutschkurs am Abend');
    const none = (await (await fetch(`${stack.url}/api/offerings?q=sprachtreff`)).json()) as {
      total: number;
    };
    expect(none.total).toBe(0);
  });

  it('refuses a draft with a NUL or a lone surrogate, naming the field, and keeps what was saved', async () => {
    const surveyId = await newSurvey();
    const invited = await post(`/api/staff/surveys/${surveyId}/invitations`, {
      institutionName: 'Caritas Giebelstadt',
      email: 'info@caritas.example',
      language: 'de',
    });
    const token = tokenOfLink(((await invited.json()) as { link: string }).link);
    const json = { 'content-type': 'application/json', 'accept-language': 'uk' };
    const put = (body: string) =>
      fetch(`${stack.url}/api/survey/draft`, {
        method: 'PUT',
        headers: { ...json, ...accessTokenHeaders(token) },
        body,
      });
    const answers = completeAnswers();
    const saved = await put(JSON.stringify({ answers, contact, version: 0, language: 'de' }));
    expect(saved.status).toBe(200);
    const { version } = (await saved.json()) as { version: number };

    const withNul = { ...answers, institution: { ...answers.institution, name: 'Caritas\u0000' } };
    // JSON.stringify writes the lone surrogate as the escape `\ud800`: that is what reaches the server.
    const withSurrogate = JSON.stringify({
      answers,
      contact: { ...contact, name: 'Erika \ud800' },
      version,
      language: 'de',
    });
    const refused = [
      [
        await put(JSON.stringify({ answers: withNul, contact, version, language: 'de' })),
        'body.answers.institution.name',
      ],
      [await put(withSurrogate), 'body.contact.name'],
    ] as const;
    for (const [response, field] of refused) {
      expect(response.status).toBe(400);
      const problem = (await response.json()) as {
        errors: { field: string; code: string; reason: string }[];
      };
      expect(problem.errors).toEqual([
        expect.objectContaining({
          field,
          code: 'invalid_characters',
          reason: expect.stringContaining('символи'),
        }),
      ]);
    }

    const view = (await (
      await fetch(`${stack.url}/api/survey`, { headers: accessTokenHeaders(token) })
    ).json()) as {
      version: number;
      answers: { institution: { name: string } };
      contact: { name: string };
    };
    expect(view.version).toBe(version);
    expect(view.answers.institution.name).toBe(answers.institution.name);
    expect(view.contact.name).toBe(contact.name);
  });

  it('refuses staff routes to residents and anonymous callers', async () => {
    expect((await fetch(`${stack.url}/api/staff/surveys`)).status).toBe(401);
  });
});
