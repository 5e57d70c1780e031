import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSignedInStack } from '../../local/testing/local-stack';
import { accessTokenHeaders, tokenOfLink } from '../shared/links/token-links';
import type { SurveyAnswers } from '../survey/questionnaire';
import { completeAnswers } from '../survey/testing/fixtures';
import { WaveComparison } from './schemas';

const contact = { name: 'Erika Beispiel', role: 'Leitung', email: 'erika@example.org', phone: '' };
const json = { 'content-type': 'application/json' };

describe('comparing two survey waves through the local server', () => {
  const stack = useSignedInStack();
  const vhsEmail = `vhs-${randomUUID()}@example.org`;
  const caritasEmail = `caritas-${randomUUID()}@example.org`;
  let firstId = '';
  let secondId = '';
  let vhs: SurveyAnswers;
  let caritas: SurveyAnswers;
  const added = randomUUID();

  const staffGet = (path: string) => fetch(`${stack.url}${path}`, { headers: stack.staff });
  const post = (path: string, body: unknown, headers: Record<string, string> = stack.staff) =>
    fetch(`${stack.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

  async function createSurvey(title: string, previousSurveyId?: string) {
    const response = await post('/api/staff/surveys', {
      title,
      opensAt: '2026-01-01T00:00:00+01:00',
      closesAt: '2099-01-01T00:00:00+01:00',
      ...(previousSurveyId ? { previousSurveyId } : {}),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { surveyId: string; wave: number };
  }

  async function answer(token: string, answers: SurveyAnswers, version: number) {
    const saved = await fetch(`${stack.url}/api/survey/draft`, {
      method: 'PUT',
      headers: { ...json, ...accessTokenHeaders(token) },
      body: JSON.stringify({ answers, contact, version, language: 'de' }),
    });
    expect(saved.status).toBe(200);
    const { version: next } = (await saved.json()) as { version: number };
    expect(
      (await post('/api/survey/submit', { version: next }, { ...json, ...accessTokenHeaders(token) })).status,
    ).toBe(200);
  }

  async function inviteAndAnswer(surveyId: string, email: string, answers: SurveyAnswers) {
    const response = await post(`/api/staff/surveys/${surveyId}/invitations`, {
      institutionName: answers.institution.name,
      email,
      language: 'de',
    });
    expect(response.status).toBe(201);
    const { link } = (await response.json()) as { link: string };
    await answer(tokenOfLink(link), answers, 0);
  }

  /** The newest link mailed to an address (the carried-over invitation's), from the dev outbox. */
  async function mailedToken(email: string): Promise<string> {
    const outbox = (await (await fetch(`${stack.url}/api/dev/outbox?limit=100`)).json()) as {
      messages: { to: string[]; text: string; sentAt: string }[];
    };
    const links = outbox.messages
      .filter((message) => message.to.includes(email))
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt))
      .flatMap((message) =>
        [...message.text.matchAll(/\/survey\?lang=[a-z]{2}#([A-Za-z0-9_-]{22,64})/g)].map((m) => m[1]),
      );
    expect(links.length).toBeGreaterThan(0);
    return links[0] ?? '';
  }

  beforeAll(async () => {
    // Wave 1: the VHS (education, Ochsenfurt) and Caritas (social, Giebelstadt) submit, two offerings each.
    firstId = (await createSurvey('Bestandsaufnahme 2026')).surveyId;
    vhs = completeAnswers();
    caritas = completeAnswers();
    caritas.institution = {
      ...caritas.institution,
      name: 'Caritas Giebelstadt',
      sector: 'social',
      type: 'welfare_organisation',
      places: ['giebelstadt'],
    };
    caritas.offerings = caritas.offerings.map((offering, index) => ({
      ...offering,
      title: index === 0 ? 'Migrationsberatung' : 'Hausaufgabenhilfe',
      category: index === 0 ? 'counselling' : 'children_youth',
      places: ['giebelstadt'],
    }));
    await inviteAndAnswer(firstId, vhsEmail, vhs);
    await inviteAndAnswer(firstId, caritasEmail, caritas);

    // Wave 2 follows wave 1; its institutions are carried over from the console's route.
    const second = await createSurvey('Bestandsaufnahme 2027', firstId);
    secondId = second.surveyId;
    expect(second.wave).toBe(2);
    const carried = await post(`/api/staff/surveys/${secondId}/invitations/carry-over`, {});
    expect(carried.status).toBe(200);
    expect(await carried.json()).toMatchObject({ fromSurveyId: firstId, invited: 2, alreadyInvited: 0 });

    // The VHS finds its answers, drops its second offering, adds a new one and submits; Caritas does not answer.
    const token = await mailedToken(vhsEmail);
    const loaded = await fetch(`${stack.url}/api/survey`, { headers: accessTokenHeaders(token) });
    expect(loaded.status).toBe(200);
    const view = (await loaded.json()) as { answers: SurveyAnswers; version: number };
    const [kept] = view.answers.offerings;
    if (!kept) throw new Error('the carried-over answers lost their offerings');
    await answer(
      token,
      {
        ...view.answers,
        offerings: [
          kept,
          {
            ...kept,
            offeringId: added,
            title: 'Integrationskurs am Vormittag',
            category: 'language_courses',
          },
        ],
        privacy: vhs.privacy,
      },
      view.version,
    );
  });

  it("compares a wave with the wave before it: each figure's change and the offerings' fate", async () => {
    const response = await staffGet(`/api/staff/surveys/${secondId}/evaluation/comparison`);

    expect(response.status).toBe(200);
    const comparison = WaveComparison.parse(await response.json());
    expect([comparison.earlier, comparison.later].map((survey) => [survey.surveyId, survey.wave])).toEqual([
      [firstId, 1],
      [secondId, 2],
    ]);
    expect(comparison.questionnaireChanged).toBe(false);
    expect(comparison.progress.invited).toEqual({ earlier: 2, later: 2, change: 0 });
    expect(comparison.progress.submitted).toEqual({ earlier: 2, later: 1, change: -1 });
    expect(comparison.progress.responseRate).toEqual({ earlier: 1, later: 0.5, change: -0.5 });
    expect(comparison.offerings.total).toEqual({ earlier: 4, later: 2, change: -2 });
    expect(comparison.offerings.byCategory).toEqual([
      { key: 'language_courses', earlier: 2, later: 2, change: 0 },
      { key: 'children_youth', earlier: 1, later: 0, change: -1 },
      { key: 'counselling', earlier: 1, later: 0, change: -1 },
    ]);
    const vhsFirst = vhs.offerings[0]?.offeringId;
    const vhsSecond = vhs.offerings[1]?.offeringId;
    expect(comparison.offeringChanges.appeared).toEqual([
      {
        offeringId: added,
        title: 'Integrationskurs am Vormittag',
        institution: 'Volkshochschule Ochsenfurt',
        category: 'language_courses',
      },
    ]);
    expect(comparison.offeringChanges.reconfirmed.map((offering) => offering.offeringId)).toEqual([vhsFirst]);
    expect(
      comparison.offeringChanges.disappeared.map((offering) => [offering.institution, offering.title]),
    ).toEqual([
      ['Caritas Giebelstadt', 'Hausaufgabenhilfe'],
      ['Caritas Giebelstadt', 'Migrationsberatung'],
      ['Volkshochschule Ochsenfurt', 'Interner Sprachtreff'],
    ]);
    expect(comparison.offeringChanges.disappeared.map((offering) => offering.offeringId)).toContain(
      vhsSecond,
    );
    expect(JSON.stringify(comparison)).not.toContain('erika@example.org');
  });

  it('applies the filters to both waves, and answers the same when the earlier wave names the later', async () => {
    const response = await staffGet(
      `/api/staff/surveys/${firstId}/evaluation/comparison?with=${secondId}&sector=social`,
    );

    expect(response.status).toBe(200);
    const comparison = WaveComparison.parse(await response.json());
    expect(comparison.later.surveyId).toBe(secondId);
    // Caritas did not answer wave 2, so the sector is unknown there and the filter leaves nobody.
    expect(comparison.progress.invited).toEqual({ earlier: 1, later: 0, change: -1 });
    expect(comparison.offeringChanges.appeared).toEqual([]);
    expect(comparison.offeringChanges.reconfirmed).toEqual([]);
    expect(comparison.offeringChanges.disappeared.map((offering) => offering.institution)).toEqual([
      'Caritas Giebelstadt',
      'Caritas Giebelstadt',
    ]);
    expect(comparison.filter).toEqual({ sector: 'social' });
  });

  it('refuses a first wave without a wave to compare with, naming query.with in the caller’s language', async () => {
    const response = await staffGet(`/api/staff/surveys/${firstId}/evaluation/comparison?lang=en`);

    expect(response.status).toBe(400);
    const problem = (await response.json()) as { type: string; errors: { field: string; reason: string }[] };
    expect(problem.type).toBe('/problems/validation');
    expect(problem.errors.map((error) => error.field)).toEqual(['query.with']);
    expect(problem.errors[0]?.reason).toMatch(/\w/);
  });

  it.each([
    ['the survey', () => `/api/staff/surveys/${randomUUID()}/evaluation/comparison?with=${firstId}`],
    [
      'the wave to compare with',
      () => `/api/staff/surveys/${secondId}/evaluation/comparison?with=${randomUUID()}`,
    ],
  ])('answers 404 for an unknown survey as %s', async (_name, path) => {
    const response = await staffGet(path());

    expect(response.status).toBe(404);
    expect(((await response.json()) as { type: string }).type).toBe('/problems/not-found');
  });

  it('refuses a wave id that is no id, naming query.with', async () => {
    const response = await staffGet(`/api/staff/surveys/${secondId}/evaluation/comparison?with=wave-1`);

    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field)).toEqual(['query.with']);
  });
});
