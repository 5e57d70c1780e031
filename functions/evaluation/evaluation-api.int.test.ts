import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useSignedInStack } from '../../local/testing/local-stack';
import { accessTokenHeaders, tokenOfLink } from '../shared/links/token-links';
import { completeAnswers } from '../survey/testing/fixtures';
import { EvaluatedResponse, Evaluation, GapView, ResponseList } from './schemas';

const contact = { name: 'Erika Beispiel', role: 'Leitung', email: 'erika@example.org', phone: '0931 123' };
const json = { 'content-type': 'application/json' };

describe('evaluation API through the local server', () => {
  const stack = useSignedInStack();
  let surveyId = '';
  let answeredId = '';
  let waitingId = '';

  const staffGet = (path: string) => fetch(`${stack.url}${path}`, { headers: stack.staff });
  const post = (path: string, body: unknown, headers: Record<string, string> = stack.staff) =>
    fetch(`${stack.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

  async function invite(institutionName: string) {
    const response = await post(`/api/staff/surveys/${surveyId}/invitations`, {
      institutionName,
      email: `${randomUUID()}@example.org`,
      language: 'de',
    });
    expect(response.status).toBe(201);
    const issued = (await response.json()) as { invitation: { invitationId: string }; link: string };
    return {
      invitationId: issued.invitation.invitationId,
      token: tokenOfLink(issued.link),
    };
  }

  beforeAll(async () => {
    // Arrange: a survey with two invitations; the first answers completely (two language courses, one
    // consented, sector education, Ochsenfurt) and submits, the second never opens its link.
    const created = await post('/api/staff/surveys', {
      title: 'Auswertung',
      opensAt: '2026-01-01T00:00:00+01:00',
      closesAt: '2099-01-01T00:00:00+01:00',
      openParticipation: false,
    });
    surveyId = ((await created.json()) as { surveyId: string }).surveyId;
    const answering = await invite('VHS Ochsenfurt');
    const waiting = await invite('Verein ohne Antwort');
    answeredId = answering.invitationId;
    waitingId = waiting.invitationId;
    const answers = {
      ...completeAnswers(),
      needs: { categories: ['language'], description: 'Mehr Kurse', mostHelpful: '' },
    };
    const saved = await fetch(`${stack.url}/api/survey/draft`, {
      method: 'PUT',
      headers: { ...json, ...accessTokenHeaders(answering.token) },
      body: JSON.stringify({ answers, contact, version: 0, language: 'de' }),
    });
    expect(saved.status).toBe(200);
    const { version } = (await saved.json()) as { version: number };
    expect(
      (await post('/api/survey/submit', { version }, { ...json, ...accessTokenHeaders(answering.token) }))
        .status,
    ).toBe(200);
  });

  it('answers every figure of the survey for signed-in staff', async () => {
    const response = await staffGet(`/api/staff/surveys/${surveyId}/evaluation`);

    expect(response.status).toBe(200);
    const evaluation = Evaluation.parse(await response.json());
    expect(evaluation.progress).toMatchObject({
      invited: 2,
      opened: 1,
      submitted: 1,
      revoked: 0,
      responseRate: 0.5,
    });
    expect(evaluation.offerings).toMatchObject({ total: 2, consented: 1, notConsented: 1 });
    expect(evaluation.offerings.byCategory).toEqual([{ key: 'language_courses', count: 2 }]);
    expect(
      evaluation.needs.byCategory.map(({ key, count, texts }) => [key, count, texts.map((t) => t.text)]),
    ).toEqual([['language', 1, ['Mehr Kurse']]]);
    expect(JSON.stringify(evaluation)).not.toContain('erika@example.org');
  });

  it('applies a filter to every figure', async () => {
    const other = Evaluation.parse(
      await (await staffGet(`/api/staff/surveys/${surveyId}/evaluation?sector=social`)).json(),
    );
    const same = Evaluation.parse(
      await (await staffGet(`/api/staff/surveys/${surveyId}/evaluation?sector=education`)).json(),
    );

    expect(other.progress).toMatchObject({ invited: 0, submitted: 0, responseRate: null });
    expect(other.offerings.total).toBe(0);
    expect(same.progress).toMatchObject({ invited: 1, submitted: 1, responseRate: 1 });
    expect(same.filter).toEqual({ sector: 'education' });
  });

  it('drills a count down to its responses, and one response to its latest submitted answers', async () => {
    const notOpened = ResponseList.parse(
      await (
        await staffGet(`/api/staff/surveys/${surveyId}/evaluation/responses?figure=progress&value=not_opened`)
      ).json(),
    );
    const courses = ResponseList.parse(
      await (
        await staffGet(
          `/api/staff/surveys/${surveyId}/evaluation/responses?figure=offeringCategory&value=language_courses`,
        )
      ).json(),
    );
    const detail = await staffGet(`/api/staff/surveys/${surveyId}/evaluation/responses/${answeredId}`);

    expect(notOpened.responses.map((r) => [r.invitationId, r.institution, r.state])).toEqual([
      [waitingId, 'Verein ohne Antwort', 'not_opened'],
    ]);
    expect(courses.responses.map((r) => [r.invitationId, r.matches])).toEqual([[answeredId, 2]]);
    expect(detail.status).toBe(200);
    const body = await detail.json();
    const response = EvaluatedResponse.parse(body);
    expect(response).toMatchObject({
      invitationId: answeredId,
      institution: 'Volkshochschule Ochsenfurt',
      submissionNumber: 1,
    });
    expect(response.answers.offerings.map((offering) => offering.title)).toEqual([
      'Deutschkurs am Abend',
      'Interner Sprachtreff',
    ]);
    expect(JSON.stringify(body)).not.toContain('Erika');
  });

  it('answers 404 for a response that was never submitted', async () => {
    const response = await staffGet(
      `/api/staff/surveys/${surveyId}/evaluation/responses/${waitingId}?lang=en`,
    );

    expect(response.status).toBe(404);
    expect(((await response.json()) as { type: string }).type).toBe('/problems/not-found');
  });

  it('shows the gap view with every place as a column', async () => {
    const response = await staffGet(`/api/staff/surveys/${surveyId}/evaluation/gaps`);

    expect(response.status).toBe(200);
    const view = GapView.parse(await response.json());
    const language = view.rows.find((row) => row.need === 'language');
    // The institution needs language in Ochsenfurt and offers two language courses there.
    expect(language?.byPlace.find((cell) => cell.column === 'ochsenfurt')).toEqual({
      column: 'ochsenfurt',
      needs: 1,
      offerings: 2,
      state: 'covered',
    });
  });

  it.each([
    ['an unknown sector', '?sector=nonsense&lang=en', 'query.sector', 'choose one of the given options'],
    [
      'an end before the start',
      '?from=2026-12-01&to=2026-11-01&lang=en',
      'query.to',
      'the end date must not be before the start date',
    ],
  ])('refuses %s with a localized 400 naming the field', async (_name, query, field, reason) => {
    const response = await staffGet(`/api/staff/surveys/${surveyId}/evaluation${query}`);

    expect(response.status).toBe(400);
    const problem = (await response.json()) as { type: string; errors: { field: string; reason: string }[] };
    expect(problem.type).toBe('/problems/validation');
    expect(problem.errors.find((error) => error.field === field)?.reason.toLowerCase()).toContain(reason);
  });

  it('refuses a drill-down value the figure cannot have, naming query.value in German', async () => {
    const response = await staffGet(
      `/api/staff/surveys/${surveyId}/evaluation/responses?figure=sector&value=planet`,
    );

    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string; reason: string }[] };
    expect(problem.errors.map((error) => error.field)).toEqual(['query.value']);
    expect(problem.errors[0]?.reason).toBe('Bitte wählen Sie eine der vorgegebenen Möglichkeiten.');
  });

  it('exports a part as CSV with both header rows, only the submitted response, filtered like the dashboard', async () => {
    const response = await staffGet(`/api/staff/surveys/${surveyId}/evaluation/export.csv?part=institutions`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="auswertung-.*\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [ids = [], labels = [], ...rows] = parse(new TextDecoder().decode(bytes), {
      bom: true,
    }) as string[][];
    expect(ids).toContain('institution.sector');
    expect(labels.length).toBe(ids.length);
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? [];
    expect(row[ids.indexOf('response.invitationId')]).toBe(answeredId);
    expect(rows.flat()).not.toContain(waitingId);
    expect(new TextDecoder().decode(bytes)).not.toContain('erika@example.org');

    const filtered = await staffGet(
      `/api/staff/surveys/${surveyId}/evaluation/export.csv?part=institutions&sector=social`,
    );
    expect(parse(await filtered.text(), { bom: true })).toHaveLength(2);
  });

  it('exports every part as an XLSX workbook that reads back', async () => {
    const response = await staffGet(`/api/staff/surveys/${surveyId}/evaluation/export.xlsx`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Einrichtungen',
      'Angebote',
      'Interkulturelle Öffnung',
      'Bedarfe',
      'Interviews',
      'Ergebnisse',
    ]);
    const offerings = workbook.getWorksheet('Angebote');
    // Two offerings of the one submitted response, below the header row.
    expect(offerings?.actualRowCount).toBe(3);
  });

  it('refuses an export part that does not exist, naming query.part', async () => {
    const response = await staffGet(`/api/staff/surveys/${surveyId}/evaluation/export.csv?part=contacts`);

    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field)).toEqual(['query.part']);
  });

  it('exports the contact persons to admins only, and only in the export that asks for them', async () => {
    const path = `/api/staff/surveys/${surveyId}/evaluation/export-with-contacts.csv`;
    const admin = { authorization: `Bearer ${await signIn(stack.url, 'admin')}` };

    const refused = await staffGet(path);
    const exported = await fetch(`${stack.url}${path}`, { headers: admin });

    expect(refused.status).toBe(403);
    expect(exported.status).toBe(200);
    const [ids = [], , ...rows] = parse(await exported.text(), { bom: true }) as string[][];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[ids.indexOf('contact.email')]).toBe('erika@example.org');
    expect(rows[0]?.[ids.indexOf('contact.name')]).toBe('Erika Beispiel');
    const plain = await staffGet(`/api/staff/surveys/${surveyId}/evaluation/export.csv?part=institutions`);
    expect(await plain.text()).not.toContain('erika@example.org');
  });

  it('answers 404 for an unknown survey', async () => {
    const response = await staffGet(`/api/staff/surveys/${randomUUID()}/evaluation`);

    expect(response.status).toBe(404);
    expect(((await response.json()) as { type: string }).type).toBe('/problems/not-found');
  });

  it('answers 401 without sign-in', async () => {
    const response = await fetch(`${stack.url}/api/staff/surveys/${surveyId}/evaluation`);

    expect(response.status).toBe(401);
  });
});
