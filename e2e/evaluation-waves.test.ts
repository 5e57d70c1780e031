import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import de from '../content/messages/de.json';
import { tokenOfLink } from '../functions/shared/links/token-links';
import {
  emptyAnswers,
  emptyOffering,
  type Offering,
  privacyNoticeVersion,
  type SurveyAnswers,
} from '../functions/survey/questionnaire';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoPageProblems,
  waitForLoaded,
} from './support/pages';
import { callApi, openSignedIn, staffSession } from './support/staff';

const w = de.evaluationWaves;
/** Unique per run: the e2e stack is shared by every test file. */
const run = randomUUID().slice(0, 8);
const contact = { name: 'Erika Beispiel', role: 'Leitung', email: 'erika@example.org', phone: '' };

function offering(title: string, category: Offering['category']): Offering {
  return {
    ...emptyOffering(randomUUID(), 'de'),
    title,
    description: 'Ein Angebot für den Vergleich der Wellen.',
    category,
    targetGroups: ['adults'],
    languages: ['de'],
    places: ['ochsenfurt'],
    cost: 'free',
    publish: true,
  };
}

function answers(name: string, offerings: Offering[]): SurveyAnswers {
  const given = emptyAnswers();
  given.institution = {
    ...given.institution,
    name,
    sector: 'education',
    type: 'adult_education',
    places: ['ochsenfurt'],
  };
  given.offerings = offerings;
  given.opening = { status: 'started', steps: ['staff_training'], stepsOther: '', obstacles: '' };
  given.needs = { categories: ['language'], description: '', mostHelpful: '' };
  given.interview = { willing: false, topics: [], topicsOther: '' };
  given.privacy = { accepted: true, noticeVersion: privacyNoticeVersion };
  return given;
}

async function submit(token: string, given: SurveyAnswers, version = 0) {
  const saved = await callApi<{ version: number }>(
    'PUT',
    '/api/survey/draft',
    {
      answers: given,
      contact,
      version,
      language: 'de',
    },
    undefined,
    token,
  );
  await callApi('POST', '/api/survey/submit', { version: saved.version }, undefined, token);
}

describe('survey waves: carrying institutions over and comparing two waves', () => {
  let firstId = '';
  let secondId = '';
  const vhsEmail = `vhs-${run}@example.org`;
  const course = offering(`Deutschkurs ${run}`, 'language_courses');
  const cafe = offering(`Sprachcafé ${run}`, 'language_courses');
  const mentoring = `Lernpatenschaften ${run}`;

  beforeAll(async () => {
    // Wave 1: two institutions submit, the VHS with two offerings and the Caritas with none.
    const { token } = await staffSession();
    const now = Date.now();
    const dates = {
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 30 * 24 * 3600_000).toISOString(),
      openParticipation: false,
    };
    ({ surveyId: firstId } = await callApi<{ surveyId: string }>(
      'POST',
      '/api/staff/surveys',
      { title: `Bestandsaufnahme ${run}`, ...dates },
      token,
    ));
    for (const [name, email, offerings] of [
      [`VHS ${run}`, vhsEmail, [course, cafe]],
      [`Caritas ${run}`, `caritas-${run}@example.org`, []],
    ] as const) {
      const issued = await callApi<{ link: string }>(
        'POST',
        `/api/staff/surveys/${firstId}/invitations`,
        { institutionName: name, email, language: 'de' },
        token,
      );
      await submit(tokenOfLink(issued.link), answers(name, [...offerings]));
    }
  });

  it('creates wave 2 following wave 1 and carries its institutions over with the console button', async () => {
    const page = await openSignedIn('/staff/surveys');
    await page.getByRole('heading', { name: de.staffSurvey.createTitle }).waitFor();
    await page.getByLabel(de.staffSurvey.surveyTitle, { exact: true }).fill(`Welle 2 ${run}`);
    await page.getByLabel(de.staffSurvey.opensAt, { exact: true }).fill('2020-01-01T09:00');
    await page.getByLabel(de.staffSurvey.closesAt, { exact: true }).fill('2099-07-31T18:00');
    await page.getByLabel(w.followsWave).selectOption({
      label: w.waveName.replace('{wave}', '1').replace('{title}', `Bestandsaufnahme ${run}`),
    });
    await page.getByRole('button', { name: de.staffSurvey.create }).click();
    await page.getByTestId('survey-wave').waitFor();
    secondId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(await page.getByTestId('survey-wave').textContent()).toBe('2');

    await page.getByRole('button', { name: w.carryOver.replace('{wave}', '1') }).click();

    const outcome = page.getByTestId('carry-over-outcome');
    await outcome.filter({ hasText: '2' }).waitFor();
    expect(await outcome.getAttribute('aria-live')).toBe('polite');
    expect(await outcome.textContent()).toContain('neu eingeladen: 2, bereits eingeladen: 0');
    expectNoPageProblems(page);
  });

  it('compares wave 2 with wave 1: the change of each figure and the offerings that came and went', async () => {
    // The VHS answers wave 2 from its carried-over answers: the café is gone, mentoring is new.
    const outbox = await callApi<{ messages: { to: string[]; text: string; sentAt: string }[] }>(
      'GET',
      '/api/dev/outbox?limit=100',
    );
    const mail = outbox.messages
      .filter((message) => message.to.includes(vhsEmail))
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt))[0];
    const token = mail?.text.match(/\/survey\?lang=[a-z]{2}#([A-Za-z0-9_-]{22,64})/)?.[1] ?? '';
    const view = await callApi<{ answers: SurveyAnswers; version: number }>(
      'GET',
      '/api/survey',
      undefined,
      undefined,
      token,
    );
    expect(view.answers.offerings.map((o) => o.offeringId)).toEqual([course.offeringId, cafe.offeringId]);
    await submit(
      token,
      {
        ...view.answers,
        offerings: [course, offering(mentoring, 'volunteering_mentoring')],
        privacy: { accepted: true, noticeVersion: privacyNoticeVersion },
      },
      view.version,
    );

    const page = await openSignedIn(`/staff/evaluation/${secondId}?view=compare`);
    await page.getByTestId('eval-compare-progress').waitFor();

    expect(await page.getByLabel(w.compareWith).inputValue()).toBe(firstId);
    const cell = (table: string, key: string, column: number) =>
      page.getByTestId(table).locator(`tr[data-key="${key}"] > :nth-child(${column})`);
    expect(await cell('eval-compare-progress', 'submitted', 2).textContent()).toBe('2');
    expect(await cell('eval-compare-progress', 'submitted', 3).textContent()).toBe('1');
    const submittedChange = cell('eval-compare-progress', 'submitted', 4);
    expect(await submittedChange.getAttribute('data-change')).toBe('\u22121');
    expect(await submittedChange.locator('.visually-hidden').textContent()).toBe('1 weniger');
    expect(
      await cell('eval-compare-offering-category', 'volunteering_mentoring', 4).getAttribute('data-change'),
    ).toBe('+1');
    expect(await page.getByTestId('eval-compare-appeared').textContent()).toContain(mentoring);
    expect(await cell('eval-compare-progress', 'rate', 4).getAttribute('data-change')).toBe('\u221250 Pp.');
    expect(await page.getByTestId('eval-compare-disappeared').textContent()).toContain(cafe.title);
    expect(await page.getByTestId('eval-compare-reconfirmed').textContent()).toContain(course.title);
    expectNoPageProblems(page);
  });

  for (const lang of ['de', 'ar'] as const) {
    it(`has no WCAG 2.1 AA violations on the comparison and the wave's console page in ${lang} at 320 px`, async () => {
      for (const [path, ready] of [
        [`/staff/evaluation/${secondId}?view=compare`, 'eval-compare-reconfirmed'],
        [`/staff/surveys/${secondId}`, 'carry-over'],
      ] as const) {
        const page = await openSignedIn(path, { lang, width: 320 });
        await page.getByTestId(ready).waitFor();
        await waitForLoaded(page);
        await expectNoAxeViolations(page);
        await expectNoHorizontalScroll(page);
        expectNoPageProblems(page);
      }
    });
  }
});
