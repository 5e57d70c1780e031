import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import de from '../content/messages/de.json';
import { tokenOfLink } from '../functions/shared/links/token-links';
import { emptyAnswers, privacyNoticeVersion, type SurveyAnswers } from '../functions/survey/questionnaire';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoPageProblems,
  openPage,
  waitForLoaded,
} from './support/pages';
import { callApi, openSignedIn, staffSession } from './support/staff';

const r = de.evaluationReport;
/** Unique per run: the e2e stack is shared by every test file. */
const run = randomUUID().slice(0, 8);
const staffText = `Sprachkurse fehlen vor allem am Abend ${run}.`;

/** Four institutions answer: three in education, one alone in the social sector (a cell of 1). */
const institutions = [
  { name: `Schule Eins ${run}`, sector: 'education' },
  { name: `Schule Zwei ${run}`, sector: 'education' },
  { name: `Schule Drei ${run}`, sector: 'education' },
  { name: `Einziger Sozialverein ${run}`, sector: 'social' },
] as const;

function answersOf(institution: (typeof institutions)[number]): SurveyAnswers {
  const answers = emptyAnswers();
  answers.institution = { ...answers.institution, name: institution.name, sector: institution.sector };
  answers.institution.type = 'association';
  answers.institution.places = ['ochsenfurt'];
  answers.opening = { status: 'not_considered', steps: [], stepsOther: '', obstacles: '' };
  answers.needs = { categories: ['language'], description: '', mostHelpful: '' };
  answers.interview = { willing: false, topics: [], topicsOther: '' };
  answers.privacy = { accepted: true, noticeVersion: privacyNoticeVersion };
  return answers;
}

describe('the evaluation report: preview, section text, publishing, public page', () => {
  let surveyId = '';
  let publicPath = '';
  const title = `Bericht ${run}`;

  beforeAll(async () => {
    const { token } = await staffSession();
    const now = Date.now();
    ({ surveyId } = await callApi<{ surveyId: string }>(
      'POST',
      '/api/staff/surveys',
      {
        title,
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 30 * 24 * 3600_000).toISOString(),
        openParticipation: false,
      },
      token,
    ));
    for (const institution of institutions) {
      const issued = await callApi<{ link: string }>(
        'POST',
        `/api/staff/surveys/${surveyId}/invitations`,
        {
          institutionName: institution.name,
          email: `${randomUUID().slice(0, 8)}@example.org`,
          language: 'de',
        },
        token,
      );
      const invitation = tokenOfLink(issued.link);
      const saved = await callApi<{ version: number }>(
        'PUT',
        '/api/survey/draft',
        {
          answers: answersOf(institution),
          contact: {
            name: 'Erika Beispiel',
            role: 'Leitung',
            email: 'erika@example.org',
            phone: '09331 0000',
          },
          version: 0,
          language: 'de',
        },
        undefined,
        invitation,
      );
      await callApi('POST', '/api/survey/submit', { version: saved.version }, undefined, invitation);
    }
  });

  it('lets staff add a section text and publish the report, then links to its public page', async () => {
    const page = await openSignedIn(`/staff/evaluation/${surveyId}?view=report`);
    await page.getByTestId('report-body').waitFor();
    await waitForLoaded(page);
    // The sector of one institution is suppressed in the preview, as it will be published.
    expect(
      await page.getByTestId('report-progress-sector').locator('tr[data-key="social"] td').textContent(),
    ).toBe('weniger als 3');

    const heading = de.evaluationPage.needs.title;
    await page.getByLabel(r.staff.textLabel.replace('{section}', heading)).fill(staffText);
    await page.getByRole('button', { name: r.staff.saveTexts }).click();
    await page.getByText(r.staff.saved).waitFor();
    expect(await page.getByTestId('report-text-needs').textContent()).toBe(staffText);

    await page.getByRole('button', { name: r.staff.publish }).click();
    await page.getByRole('button', { name: r.staff.publishConfirmYes }).click();
    const link = page.getByTestId('report-public-link');
    await link.waitFor();
    publicPath = (await link.getAttribute('href')) ?? '';
    expect(publicPath).toMatch(/^\/concept\/evaluations\/[0-9a-f-]{36}$/);
    expectNoPageProblems(page);
  });

  it('shows the publication on /concept with its summary and a link to the report', async () => {
    const page = await openPage('/concept', { lang: 'de' });
    await page.getByTestId('published-evaluations').waitFor();
    const item = page.locator('.concept-evaluations__item', { has: page.locator(`a[href="${publicPath}"]`) });
    expect(await item.textContent()).toContain('4 Einrichtungen haben an der Umfrage teilgenommen');
  });

  it.each(['de', 'ar'] as const)(
    'passes axe on the report page and /concept in %s at 320 px',
    async (lang) => {
      const report = await openPage(publicPath, { lang, viewport: { width: 320, height: 800 } });
      await report.getByTestId('report-body').waitFor();
      await waitForLoaded(report);
      expect(await report.getByTestId('report-body').getAttribute('lang')).toBe('de');
      expect(await report.getByTestId('report-text-needs').textContent()).toBe(staffText);
      expect(await report.textContent('body')).not.toContain('Einziger Sozialverein');
      await expectNoAxeViolations(report);
      await expectNoHorizontalScroll(report);
      expectNoPageProblems(report);

      const concept = await openPage('/concept', { lang, viewport: { width: 320, height: 800 } });
      await concept.getByTestId('published-evaluations').waitFor();
      await expectNoAxeViolations(concept);
      await expectNoHorizontalScroll(concept);
    },
  );
});
