import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import de from '../content/messages/de.json';
import { emptyOffering, type Offering } from '../functions/survey/questionnaire';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoPageProblems,
  openPage,
  waitForLoaded,
} from './support/pages';
import {
  approveOffering,
  callApi,
  openSignedIn,
  reviewQueue,
  type StaffSession,
  staffSession,
} from './support/staff';
import { newInvitation, outbox, submitResponse, type TestInvitation } from './support/survey-invitations';

const u = de.surveyUpkeep;
const run = randomUUID().slice(0, 8);
const titles = { kept: `Sprachcafé Upkeep${run}`, withdrawn: `Nähtreff Upkeep${run}` };

interface OwnEntry {
  offeringId: string;
  title: string;
  status: string;
  lastConfirmedAt: string;
}

let staff: StaffSession;
let invitation: TestInvitation;

function offering(title: string): Offering {
  return {
    ...emptyOffering(randomUUID(), 'de'),
    title,
    description: `${title}: Deutsch sprechen in kleiner Runde.`,
    category: 'language_courses',
    targetGroups: ['adults'],
    languages: ['de'],
    places: ['ochsenfurt'],
    schedule: 'montags 10 bis 12 Uhr',
    cost: 'free',
    publish: true,
  };
}

async function ownOfferings(): Promise<OwnEntry[]> {
  return (
    await callApi<{ offerings: OwnEntry[] }>(
      'GET',
      '/api/survey/offerings',
      undefined,
      undefined,
      invitation.token,
    )
  ).offerings;
}

async function publicTitles(word: string): Promise<string[]> {
  const page = await callApi<{ offerings: { title: string }[] }>('GET', `/api/offerings?q=${word}&limit=100`);
  return page.offerings.map((entry) => entry.title);
}

async function openUpkeep(lang: 'de' | 'ar' = 'de', width = 1280): Promise<Page> {
  const page = await openPage(invitation.path, { lang, viewport: { width, height: 900 } });
  await page.locator('#survey-upkeep').waitFor();
  await waitForLoaded(page);
  await page.locator('.survey-upkeep__item').first().waitFor();
  return page;
}

function item(page: Page, title: string) {
  return page.locator('article.survey-upkeep__item', { has: page.getByRole('heading', { name: title }) });
}

beforeAll(async () => {
  staff = await staffSession();
  // 1. A survey that closes a few seconds from now: answered and submitted before, kept up after.
  invitation = await newInvitation({ closesInMs: 6_000 });
  await submitResponse(invitation.token, {
    institutionName: invitation.institutionName,
    offerings: [offering(titles.kept), offering(titles.withdrawn)],
  });
  // 2. Staff approve both offerings.
  for (const entry of await reviewQueue('pending')) {
    if (!entry.title.includes(`Upkeep${run}`)) continue;
    await approveOffering(entry);
  }
  // 3. Wait for the closing date: keeping offerings up to date is what the link is for afterwards.
  const wait = Date.parse(invitation.closesAt) - Date.now() + 500;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}, 30_000);

describe('keeping offerings up to date through the survey link, after the survey closed', () => {
  it('shows the approved offerings with their status and last confirmation, without axe violations', async () => {
    const page = await openUpkeep();
    await page.getByRole('heading', { name: de.surveyForm.closedTitle }).waitFor();
    await page.getByRole('heading', { name: u.title, level: 2 }).waitFor();
    for (const title of [titles.kept, titles.withdrawn]) {
      await expect
        .poll(() => item(page, title).locator('[data-status]').textContent())
        .toContain(u.statuses.approved);
      expect(await item(page, title).locator('[data-status]').getAttribute('data-status')).toBe('approved');
    }
    await expectNoAxeViolations(page);
    expectNoPageProblems(page);
  });

  it('edits the schedule, which sends the offering to review again', async () => {
    const page = await openUpkeep();
    const kept = item(page, titles.kept);
    await kept.getByRole('button', { name: u.edit, exact: true }).click();
    const schedule = kept.getByLabel(de.questionnaire.offering.schedule.label);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/-title$/);
    await schedule.fill('mittwochs 17 bis 19 Uhr');
    await kept.getByRole('button', { name: u.save }).click();
    await page.getByText(u.saved.replace('{title}', titles.kept)).waitFor();
    await expect
      .poll(() => item(page, titles.kept).locator('[data-status]').getAttribute('data-status'))
      .toBe('pending');
    expect(await item(page, titles.kept).locator('[data-status]').textContent()).toContain(
      u.statuses.pending,
    );
    const pending = await reviewQueue('pending');
    expect(pending.find((entry) => entry.title === titles.kept)).toBeDefined();
    // The other offering was not changed, so it stays approved.
    expect((await ownOfferings()).find((entry) => entry.title === titles.withdrawn)?.status).toBe('approved');
    expectNoPageProblems(page);
  });

  it('withdraws an offering, which leaves the public directory', async () => {
    expect(await publicTitles(`Upkeep${run}`)).toContain(titles.withdrawn);
    const page = await openUpkeep();
    await item(page, titles.withdrawn).getByRole('button', { name: u.withdraw, exact: true }).click();
    await page.getByText(u.withdrawnNotice.replace('{title}', titles.withdrawn)).waitFor();
    await expect
      .poll(() => item(page, titles.withdrawn).locator('[data-status]').getAttribute('data-status'))
      .toBe('withdrawn');
    expect(await publicTitles(`Upkeep${run}`)).not.toContain(titles.withdrawn);
    expectNoPageProblems(page);
  });

  it('confirms that the offerings are still current, and the date of the last confirmation moves on', async () => {
    const before = (await ownOfferings()).find((entry) => entry.title === titles.kept)?.lastConfirmedAt ?? '';
    await new Promise((resolve) => setTimeout(resolve, 20));
    const page = await openUpkeep();
    await page.getByRole('button', { name: u.confirm }).click();
    await page.getByText(u.confirmed).waitFor();
    const after = (await ownOfferings()).find((entry) => entry.title === titles.kept)?.lastConfirmedAt ?? '';
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
    const shown = await item(page, titles.kept).getByTestId('upkeep-confirmed').textContent();
    const expected = new Intl.DateTimeFormat('de', {
      calendar: 'gregory',
      numberingSystem: 'latn',
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Berlin',
    }).format(new Date(after));
    expect(shown).toBe(expected);
    expectNoPageProblems(page);
  });

  it('has no axe violations in Arabic (right to left) and fits 320 px', async () => {
    const page = await openUpkeep('ar', 320);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });
});

describe('open participation', () => {
  async function newSurvey(openParticipation: boolean): Promise<string> {
    const survey = await callApi<{ surveyId: string }>(
      'POST',
      '/api/staff/surveys',
      {
        title: `Offene Teilnahme ${run}`,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
        openParticipation,
      },
      staff.token,
    );
    return survey.surveyId;
  }

  it('e-mails a personal link to the address given, and shows the same clear message', async () => {
    const surveyId = await newSurvey(true);
    const page = await openPage(`/survey/join/${surveyId}`, { lang: 'de' });
    await expectNoAxeViolations(page);
    // Nothing filled in: the errors are shown next to the fields.
    await page.getByRole('button', { name: de.surveyJoin.submit }).click();
    await page.locator('#join-institution-error').waitFor();
    expect(await page.locator('#join-institution').getAttribute('aria-invalid')).toBe('true');
    const email = `join-${run}@example.org`;
    await page.getByLabel(de.surveyJoin.institutionLabel).fill(`Jugendtreff ${run}`);
    await page.getByLabel(de.surveyJoin.emailLabel).fill(email);
    await page.getByLabel(de.surveyJoin.languageLabel).selectOption('tr');
    await page.getByRole('button', { name: de.surveyJoin.submit }).click();
    await page.getByRole('heading', { name: de.surveyJoin.sentTitle }).waitFor();
    await expect
      .poll(async () => (await outbox()).find((message) => message.to.includes(email))?.text ?? '')
      .toMatch(/\/survey\?lang=tr#[\w-]{22,}/);
    expect((await outbox()).find((message) => message.to.includes(email))?.language).toBe('tr');
    expectNoPageProblems(page);
  });

  it('says clearly when a survey does not accept open participation', async () => {
    const surveyId = await newSurvey(false);
    const page = await openPage(`/survey/join/${surveyId}`, { lang: 'de' });
    await page.getByLabel(de.surveyJoin.institutionLabel).fill(`Jugendtreff ${run}`);
    await page.getByLabel(de.surveyJoin.emailLabel).fill(`closed-${run}@example.org`);
    await page.getByRole('button', { name: de.surveyJoin.submit }).click();
    await page.getByRole('heading', { name: de.surveyJoin.notOpenTitle }).waitFor();
    expectNoPageProblems(page, [/status of 404/]);
  });

  it('has no axe violations in Arabic', async () => {
    const surveyId = await newSurvey(true);
    const page = await openPage(`/survey/join/${surveyId}`, {
      lang: 'ar',
      viewport: { width: 320, height: 800 },
    });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectNoAxeViolations(page);
  });
});

describe('staff ask for a re-confirmation', () => {
  it('shows how many institutions and offerings were asked', async () => {
    const page = await openSignedIn('/staff/review');
    const days = page.getByLabel(de.review.reconfirmDays);
    expect(await days.inputValue()).toBe('180');
    // Ten years: nothing is that old, so no other test's link is replaced.
    await days.fill('3650');
    await page.getByRole('button', { name: de.review.reconfirmSubmit }).click();
    await expect
      .poll(() => page.getByTestId('reconfirm-result').textContent())
      .toMatch(/^Angefragt: \d+ Einrichtungen mit \d+ Angeboten\.$/);
    expectNoPageProblems(page);
  });
});
