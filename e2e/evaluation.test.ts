import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import ar from '../content/messages/ar.json';
import de from '../content/messages/de.json';
import type { Language } from '../functions/shared/i18n/languages';
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

const e = de.evaluationPage;
/** Unique per run: the e2e stack is shared by every test file. */
const run = randomUUID().slice(0, 8);

interface Institution {
  name: string;
  language: Language;
  institution: Partial<SurveyAnswers['institution']>;
  needs: SurveyAnswers['needs'];
  opening: SurveyAnswers['opening'];
  offerings: Offering[];
}

function offering(fields: Partial<Offering>): Offering {
  return {
    ...emptyOffering(randomUUID(), 'de'),
    title: `Angebot ${run}`,
    description: 'Ein Angebot für die Auswertung.',
    registration: 'Anmeldung im Büro',
    cost: 'free',
    ...fields,
  };
}

/**
 * The seeded wave, with every figure the test checks fixed here: three submitted responses (two in
 * Ochsenfurt, one in Giebelstadt), one still in progress and one never opened.
 */
const volkshochschule: Institution = {
  name: `Volkshochschule ${run}`,
  language: 'de',
  institution: { sector: 'education', type: 'adult_education', places: ['ochsenfurt'] },
  needs: {
    categories: ['language', 'housing'],
    description: `Mehr Sprachkurse am Abend ${run}`,
    mostHelpful: 'Ein Sprachkurs mit Kinderbetreuung',
  },
  opening: {
    status: 'started',
    steps: ['staff_training'],
    stepsOther: '',
    obstacles: 'Zu wenig Zeit für Fortbildungen',
  },
  offerings: [
    offering({
      title: `Deutsch am Abend ${run}`,
      category: 'language_courses',
      places: ['ochsenfurt'],
      targetGroups: ['adults'],
      languages: ['de'],
      publish: true,
    }),
  ],
};
const jugendtreff: Institution = {
  name: `Jugendtreff ${run}`,
  language: 'ar',
  institution: { sector: 'youth', type: 'association', places: ['ochsenfurt'] },
  needs: { categories: ['language'], description: '', mostHelpful: '' },
  opening: {
    status: 'planned',
    steps: ['multilingual_information'],
    stepsOther: '',
    obstacles: 'لا يوجد مترجمون كافون',
  },
  offerings: [],
};
const caritas: Institution = {
  name: `Caritas ${run}`,
  language: 'de',
  institution: { sector: 'social', type: 'welfare_organisation', places: ['giebelstadt'] },
  needs: { categories: ['housing'], description: '', mostHelpful: '' },
  opening: { status: 'established', steps: ['interpreters'], stepsOther: '', obstacles: '' },
  offerings: [
    offering({
      title: `Wohnungslotsen ${run}`,
      category: 'housing',
      places: ['whole-county'],
      targetGroups: ['families'],
      languages: ['de', 'ar'],
      publish: false,
    }),
  ],
};

async function invite(surveyId: string, institutionName: string, language: Language): Promise<string> {
  const { token } = await staffSession();
  const issued = await callApi<{ link: string }>(
    'POST',
    `/api/staff/surveys/${surveyId}/invitations`,
    { institutionName, email: `${randomUUID().slice(0, 8)}@example.org`, language },
    token,
  );
  return tokenOfLink(issued.link);
}

function answersOf(institution: Institution): SurveyAnswers {
  const answers = emptyAnswers();
  answers.institution = {
    ...answers.institution,
    name: institution.name,
    sectorOther: '',
    typeOther: '',
    ...institution.institution,
  };
  answers.offerings = institution.offerings;
  answers.opening = institution.opening;
  answers.needs = institution.needs;
  answers.interview = { willing: false, topics: [], topicsOther: '' };
  answers.privacy = { accepted: true, noticeVersion: privacyNoticeVersion };
  return answers;
}

/** Opens the invitation's link, saves the answers and, unless told otherwise, submits them. */
async function respond(token: string, institution: Institution, submit = true): Promise<void> {
  await callApi('GET', '/api/survey', undefined, undefined, token);
  const saved = await callApi<{ version: number }>(
    'PUT',
    '/api/survey/draft',
    {
      answers: answersOf(institution),
      contact: { name: 'Erika Beispiel', role: 'Leitung', email: 'erika@example.org', phone: '09331 0000' },
      version: 0,
      language: institution.language,
    },
    undefined,
    token,
  );
  if (submit) await callApi('POST', '/api/survey/submit', { version: saved.version }, undefined, token);
}

/** The count cell of a figure's table row, by the row's option id. */
function countIn(page: Page, table: string, key: string, column = 2) {
  return page.getByTestId(table).locator(`tr[data-key="${key}"] > :nth-child(${column})`);
}

describe('the evaluation: figures, filters, drill-down and gap view on seeded responses', () => {
  let surveyId = '';
  const surveyTitle = `Bestandsaufnahme Auswertung ${run}`;

  beforeAll(async () => {
    const { token } = await staffSession();
    const now = Date.now();
    ({ surveyId } = await callApi<{ surveyId: string }>(
      'POST',
      '/api/staff/surveys',
      {
        title: surveyTitle,
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 30 * 24 * 3600_000).toISOString(),
        openParticipation: false,
      },
      token,
    ));
    for (const institution of [volkshochschule, jugendtreff, caritas]) {
      await respond(await invite(surveyId, institution.name, institution.language), institution);
    }
    const sportverein = { ...caritas, name: `Sportverein ${run}`, offerings: [] };
    await respond(await invite(surveyId, sportverein.name, 'de'), sportverein, false);
    await invite(surveyId, `Gemeinde ${run}`, 'de');
  });

  it('lists the survey in the console section and opens its dashboard with the seeded figures', async () => {
    const page = await openSignedIn('/staff/evaluation');
    await page.getByRole('link', { name: surveyTitle }).click();
    await page.getByTestId('eval-survey-title').waitFor();
    await waitForLoaded(page);

    expect(await countIn(page, 'eval-progress-table', 'invited').textContent()).toMatch(/^5/);
    expect(await countIn(page, 'eval-progress-table', 'opened').textContent()).toMatch(/^4/);
    expect(await countIn(page, 'eval-progress-table', 'in_progress').textContent()).toMatch(/^1/);
    expect(await countIn(page, 'eval-progress-table', 'submitted').textContent()).toMatch(/^3/);
    expect(await page.getByTestId('eval-response-rate').textContent()).toMatch(/60\s?%/);
    expect(await countIn(page, 'eval-needs-table', 'language').textContent()).toMatch(/^2/);
    expect(await countIn(page, 'eval-needs-table', 'housing').textContent()).toMatch(/^2/);
    expect(await countIn(page, 'eval-consent-table', 'consented').textContent()).toMatch(/^1/);
    expect(await countIn(page, 'eval-consent-table', 'not_consented').textContent()).toMatch(/^1/);
    expect(await countIn(page, 'eval-progress-sector', 'education', 4).textContent()).toMatch(/^100\s%$/);

    // The Arabic obstacle is quoted as written, marked with its language and direction.
    const obstacle = page.getByTestId('eval-obstacles').locator('blockquote', { hasText: 'مترجمون' });
    expect(await obstacle.getAttribute('lang')).toBe('ar');
    expect(await obstacle.getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('eval-need-texts-language').textContent()).toContain(
      `Mehr Sprachkurse am Abend ${run}`,
    );

    // The charts are drawn, each an image with a text alternative, and its numbers in a table.
    await page.locator('.eval-chart svg').first().waitFor();
    const chart = page.locator('#eval-needs-title').locator('xpath=..').locator('.eval-chart');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toContain(
      `${de.questionnaire.needCategories.language}: 2`,
    );
    expectNoPageProblems(page);
  });

  it('applies a filter to every figure, keeps it in the address and drills down to one response', async () => {
    const page = await openSignedIn(`/staff/evaluation/${surveyId}`);
    await page.getByLabel(e.filters.sector, { exact: true }).selectOption('education');
    await page.getByRole('button', { name: e.filters.apply }).click();
    await page.waitForURL(/sector=education/);
    await waitForLoaded(page);
    expect(await countIn(page, 'eval-progress-table', 'submitted').textContent()).toMatch(/^1/);
    expect(await countIn(page, 'eval-needs-table', 'language').textContent()).toMatch(/^1/);
    expect(await page.getByTestId('eval-filter-summary').first().textContent()).toContain(
      de.questionnaire.sectors.education,
    );

    // A reload keeps the filtered view: it is in the address.
    await page.reload();
    await page.getByTestId('eval-survey-title').waitFor();
    await waitForLoaded(page);
    expect(await countIn(page, 'eval-needs-table', 'housing').textContent()).toMatch(/^1/);

    await countIn(page, 'eval-needs-table', 'language').getByRole('link').click();
    await page.waitForURL(/figure=needCategory&value=language/);
    await waitForLoaded(page);
    const list = page.getByTestId('eval-response-list');
    expect(await list.locator('tbody tr').count()).toBe(1);
    expect(await list.textContent()).toContain(volkshochschule.name);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('eval-list-title');

    await list.getByRole('link', { name: volkshochschule.name }).click();
    await page.waitForURL(/response=/);
    await waitForLoaded(page);
    expect(await page.getByTestId('eval-response-title').textContent()).toBe(volkshochschule.name);
    const summary = page.locator('.survey-summary');
    expect(await summary.textContent()).toContain(de.questionnaire.needCategories.language);
    expect(await summary.textContent()).toContain(`Deutsch am Abend ${run}`);
    expect(await summary.textContent()).not.toContain('Erika Beispiel');

    // Back steps through the drill-down again.
    await page.goBack();
    await page.getByTestId('eval-response-list').waitFor();
    await page.goBack();
    await page.getByTestId('eval-needs-table').waitFor();
    expect(page.url()).toContain('sector=education');
    expectNoPageProblems(page);
  });

  it('downloads the filtered CSV and XLSX, which read back with the latest answers only', async () => {
    const page = await openSignedIn(`/staff/evaluation/${surveyId}?sector=education`);
    await waitForLoaded(page);

    await page.getByLabel(e.exports.part).selectOption('offerings');
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: e.exports.csv }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^auswertung-.*-offerings-.*\.csv$/);
    const csv = await readFile((await csvDownload.path()) ?? '', 'utf8');
    const [ids = [], labels = [], ...rows] = parse(csv, { bom: true }) as string[][];
    expect(labels[ids.indexOf('offerings[].title')]).toBe(de.questionnaire.offering.title.label);
    // Filtered to education: the one offering of the adult education centre, none of Caritas.
    expect(rows.map((row) => row[ids.indexOf('offerings[].title')])).toEqual([`Deutsch am Abend ${run}`]);

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: e.exports.xlsx }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsxDownload.path()) ?? '');
    const institutions = workbook.getWorksheet('Einrichtungen');
    const cells: string[] = [];
    institutions?.eachRow((row, number) => {
      if (number > 1) row.eachCell((cell) => cells.push(String(cell.value)));
    });
    expect(institutions?.actualRowCount).toBe(2);
    expect(cells).toContain(volkshochschule.name);
    expect(cells).not.toContain(caritas.name);
    expect(await page.locator('.eval-exports [role="status"]').textContent()).toBe('');
    expectNoPageProblems(page);
  });

  it('shows the gap view in words with its counts', async () => {
    const page = await openSignedIn(`/staff/evaluation/${surveyId}?view=gaps`);
    await page.getByTestId('eval-gaps-byPlace').waitFor();
    const language = page
      .getByTestId('eval-gaps-byPlace')
      .locator('tr[data-key="ochsenfurt"] td[data-need="language"]');
    expect(await language.getAttribute('data-state')).toBe('few');
    expect(await language.textContent()).toContain(e.gaps.states.few);
    const housing = page
      .getByTestId('eval-gaps-byPlace')
      .locator('tr[data-key="giebelstadt"] td[data-need="housing"]');
    expect(await housing.textContent()).toContain(e.gaps.states.covered);
    expect(await page.getByTestId('eval-gaps-pressing').textContent()).toContain('Ochsenfurt');

    // On paper the gap view stands alone: no navigation, no filter form, but the filters in words.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.console__nav').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.eval-filters').isVisible()).toBe(false);
    expect(await page.getByTestId('eval-filter-summary').isVisible()).toBe(true);
    expect(await page.getByTestId('eval-gaps-byPlace').isVisible()).toBe(true);
    expectNoPageProblems(page);
  });

  const views = [
    ['dashboard', ''],
    ['gap view', '?view=gaps'],
  ] as const;
  for (const lang of ['de', 'ar'] as const) {
    for (const [name, query] of views) {
      it(`has no WCAG 2.1 AA violations on the ${name} in ${lang} at 320 px, without scrolling sideways`, async () => {
        const page = await openSignedIn(`/staff/evaluation/${surveyId}${query}`, { lang, width: 320 });
        await page
          .locator(query ? '[data-testid="eval-gaps-byPlace"]' : '[data-testid="eval-needs-table"]')
          .waitFor();
        if (!query) await page.locator('.eval-chart svg').first().waitFor();
        await waitForLoaded(page);
        if (lang === 'ar')
          expect(await page.getByRole('heading', { name: ar.evaluationPage.sectionTitle }).count()).toBe(1);
        await expectNoAxeViolations(page);
        await expectNoHorizontalScroll(page);
        expectNoPageProblems(page);
      });
    }
  }
});
