import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import ar from '../content/messages/ar.json';
import de from '../content/messages/de.json';
import { tokenOfLink } from '../functions/shared/links/token-links';
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
import { submitResponse } from './support/survey-invitations';

/** Unique per run: the e2e stack (with its demo offerings) is shared by every test file. */
const run = randomUUID().slice(0, 8);
const words = {
  approve: `Kiwi${run}`,
  hidden: `Geheim${run}`,
  reject: `Papaya${run}`,
  conflict: `Mango${run}`,
  arabic: `Dattel${run}`,
  paging: `Seitentest${run}`,
  waiting: `Quitte${run}`,
};
const titles = {
  approve: `Abendkurs Deutsch ${words.approve}`,
  hidden: `Interner Sprachtreff ${words.hidden}`,
  reject: `Nähcafé ${words.reject}`,
  conflict: `Elterncafé ${words.conflict}`,
  arabic: `دورة اللغة الألمانية ${words.arabic}`,
  /** Stays in the queue for the accessibility checks. */
  waiting: `Sprachpatenschaften ${words.waiting}`,
};

let staff: StaffSession;

function offering(title: string, publish: boolean, overrides: Partial<Offering> = {}): Offering {
  return {
    ...emptyOffering(randomUUID(), 'de'),
    title,
    description: `${title}: Deutsch lernen in kleinen Gruppen, mit Kinderbetreuung.`,
    category: 'language_courses',
    targetGroups: ['adults', 'women'],
    languages: ['de', 'ar'],
    places: ['ochsenfurt'],
    schedule: 'dienstags 18 bis 20 Uhr',
    address: 'Hauptstraße 1, 97199 Ochsenfurt',
    cost: 'free',
    registration: 'Anmeldung im Büro',
    officeContact: 'Büro der Volkshochschule, Telefon 09331 0000',
    url: 'https://vhs.example.org/deutsch',
    publish,
    ...overrides,
  };
}

/** An institution invited, answering completely (with the given offerings) and submitting, via the API. */
async function respond(surveyId: string, institution: string, offerings: Offering[]): Promise<void> {
  const { link } = await callApi<{ link: string }>(
    'POST',
    `/api/staff/surveys/${surveyId}/invitations`,
    { institutionName: institution, email: `${randomUUID().slice(0, 12)}@example.org`, language: 'de' },
    staff.token,
  );
  await submitResponse(tokenOfLink(link), {
    institutionName: institution,
    offerings,
  });
}

function reviewItem(page: Page, title: string) {
  return page.locator('article.review-item', { has: page.getByRole('heading', { name: title }) });
}

function card(page: Page, title: string) {
  return page.locator('article.offering-card', { has: page.getByRole('heading', { name: title }) });
}

async function searchDirectory(page: Page, query: { q?: string; place?: string }): Promise<void> {
  await page.getByLabel(de.offerings.searchWords).fill(query.q ?? '');
  await page.getByLabel(de.offerings.filterPlace).selectOption(query.place ?? '');
  await page.getByRole('button', { name: de.offerings.searchButton }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === (query.q || null));
  await waitForLoaded(page);
}

beforeAll(async () => {
  staff = await staffSession();
  const survey = await callApi<{ surveyId: string }>(
    'POST',
    '/api/staff/surveys',
    {
      title: `Angebote ${run}`,
      opensAt: '2026-01-01T00:00:00+01:00',
      closesAt: '2099-12-31T23:59:00+01:00',
      openParticipation: false,
    },
    staff.token,
  );
  await respond(survey.surveyId, `Volkshochschule ${run}`, [
    offering(titles.approve, true),
    offering(titles.hidden, false),
    offering(titles.reject, true, { places: ['giebelstadt'], category: 'leisure_sport_culture' }),
    offering(titles.conflict, true, { places: ['whole-county'] }),
    offering(titles.waiting, true, {
      category: 'volunteering_mentoring',
      cost: 'reduced',
      costNote: '5 Euro im Monat',
    }),
    offering(titles.arabic, true, {
      textLanguage: 'ar',
      description: 'دروس في اللغة الألمانية للنساء، مع رعاية الأطفال.',
      schedule: 'كل يوم ثلاثاء من الساعة 10 إلى 12',
      places: ['wuerzburg-city', 'online'],
      languages: ['ar', 'de'],
    }),
  ]);
  // Enough approved offerings sharing one word for a second page of results.
  await respond(
    survey.surveyId,
    `Bildungswerk ${run}`,
    Array.from({ length: 21 }, (_, index) => offering(`${words.paging} Gruppe ${index + 1}`, true)),
  );
  for (const entry of await reviewQueue('pending')) {
    if (entry.title.startsWith(words.paging)) await approveOffering(entry);
  }
});

describe('review queue (staff console)', () => {
  it('lists the consented offerings with all their details, each text marked with its language; never the unconsented one', async () => {
    const page = await openSignedIn('/staff/review');
    const item = reviewItem(page, titles.approve);
    await item.waitFor();

    expect(await page.locator('.status-tabs a[aria-current="page"]').textContent()).toBe(
      de.review.statuses.pending,
    );
    const facts = await item.locator('.offering-facts').textContent();
    for (const expected of [
      de.questionnaire.offeringCategories.language_courses,
      de.questionnaire.targetGroups.adults,
      'Ochsenfurt',
      'dienstags 18 bis 20 Uhr',
      'Hauptstraße 1, 97199 Ochsenfurt',
      de.questionnaire.costKinds.free,
      'Anmeldung im Büro',
      'https://vhs.example.org/deutsch',
      `Volkshochschule ${run}`,
    ]) {
      expect(facts).toContain(expected);
    }
    const arabic = reviewItem(page, titles.arabic);
    expect(await arabic.getByRole('heading').getAttribute('lang')).toBe('ar');
    expect(await arabic.getByRole('heading').getAttribute('dir')).toBe('rtl');
    expect(await arabic.locator('.review-item__description').getAttribute('dir')).toBe('rtl');
    expect(await item.getByRole('heading').getAttribute('lang')).toBe('de');

    for (const status of ['pending', 'approved', 'rejected', 'withdrawn'] as const) {
      await page.getByRole('link', { name: de.review.statuses[status], exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('status') === status);
      await waitForLoaded(page);
      expect(await page.getByText(words.hidden).count(), `${status} list`).toBe(0);
    }
    expectNoPageProblems(page);
  });

  it('approves an offering, moves the focus on, and the directory finds it by word and place', async () => {
    const page = await openSignedIn('/staff/review');
    const item = reviewItem(page, titles.approve);
    await item.getByRole('button', { name: de.review.approve, exact: true }).click();

    await page.getByText(de.review.approved.replace('{title}', titles.approve)).waitFor();
    expect(await item.count()).toBe(0);
    await page.waitForFunction(
      () =>
        /^review-.+-title$/.test(document.activeElement?.id ?? '') ||
        document.activeElement?.getAttribute('data-testid') === 'review-notice',
    );
    await page.screenshot({ path: '/tmp/staff-review-queue.png', fullPage: true });

    const directory = await openPage('/offerings');
    await waitForLoaded(directory);
    await searchDirectory(directory, { q: words.approve, place: 'ochsenfurt' });
    const url = new URL(directory.url());
    expect(url.searchParams.get('place')).toBe('ochsenfurt');
    expect(await directory.getByTestId('offerings-count').textContent()).toBe(
      de.offerings.resultCount.replace('{count}', '1'),
    );
    expect(await directory.getByTestId('offerings-count').getAttribute('role')).toBe('status');
    const found = card(directory, titles.approve);
    const text = await found.textContent();
    expect(text).toContain('Ochsenfurt');
    expect(text).toContain(de.questionnaire.offeringCategories.language_courses);
    expect(text).toContain(de.questionnaire.costKinds.free);
    expect(text).toContain(`Volkshochschule ${run}`);
    expect(text).toMatch(/Zuletzt bestätigt am \d{1,2}\. \S+ 20\d\d/);
    await directory.screenshot({ path: '/tmp/offerings-search.png', fullPage: true });

    // The same search elsewhere in the county finds nothing, and says so.
    await directory.getByLabel(de.offerings.filterPlace).selectOption('giebelstadt');
    await directory.getByRole('button', { name: de.offerings.searchButton }).click();
    await directory.getByTestId('offerings-empty').waitFor();
    expect(await directory.getByTestId('offerings-count').textContent()).toBe(
      de.offerings.resultCount.replace('{count}', '0'),
    );
    expect(await directory.getByTestId('offerings-empty').textContent()).toContain(de.offerings.noResults);
    await expectNoAxeViolations(directory);
    await directory.screenshot({ path: '/tmp/offerings-empty.png', fullPage: true });

    // A shared link shows the same results, with the form filled in.
    const shared = await openPage(`/offerings?q=${words.approve}&place=ochsenfurt`);
    await card(shared, titles.approve).waitFor();
    expect(await shared.getByLabel(de.offerings.searchWords).inputValue()).toBe(words.approve);
    expect(await shared.getByLabel(de.offerings.filterPlace).inputValue()).toBe('ochsenfurt');

    // The card leads to the offering's own page.
    await card(shared, titles.approve).getByRole('link', { name: titles.approve }).click();
    await shared.waitForURL(/\/offerings\/[0-9a-f-]{36}$/);
    await shared.locator('h1', { hasText: titles.approve }).waitFor();
    expect(await shared.locator('.offering-facts').textContent()).toContain('dienstags 18 bis 20 Uhr');
    expect(await shared.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expectNoPageProblems(shared);
  });

  it('never shows the offering the institution did not agree to publish', async () => {
    const page = await openPage(`/offerings?q=${words.hidden}`);
    await page.getByTestId('offerings-empty').waitFor();
    expect(await page.getByText(words.hidden).count()).toBe(0);
    expect(await page.locator('article.offering-card').count()).toBe(0);
  });

  it('rejects only with a reason, and lists the rejection with it', async () => {
    const page = await openSignedIn('/staff/review');
    const item = reviewItem(page, titles.reject);
    await item.getByRole('button', { name: de.review.reject, exact: true }).click();
    const reason = item.getByLabel(de.review.reasonLabel);
    await reason.waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');

    await item.getByRole('button', { name: de.review.rejectConfirm }).click();
    expect(await item.locator('.field__error').textContent()).toBe(de.validation.required);
    expect(await reason.getAttribute('aria-invalid')).toBe('true');

    await reason.fill('Kein Angebot für Zugewanderte, sondern ein allgemeiner Kurs.');
    await item.getByRole('button', { name: de.review.rejectConfirm }).click();
    await page.getByText(de.review.rejected.replace('{title}', titles.reject)).waitFor();
    expect(await item.count()).toBe(0);

    await page.getByRole('link', { name: de.review.statuses.rejected, exact: true }).click();
    const rejected = reviewItem(page, titles.reject);
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain(
      'Kein Angebot für Zugewanderte, sondern ein allgemeiner Kurs.',
    );
    expect(await rejected.locator('.status-badge').textContent()).toBe(de.review.statuses.rejected);

    const directory = await openPage(`/offerings?q=${words.reject}`);
    await directory.getByTestId('offerings-empty').waitFor();
  });

  it('corrects a typo inline; the directory shows the corrected text', async () => {
    const page = await openSignedIn('/staff/review?status=approved');
    const item = reviewItem(page, titles.approve);
    await item.getByRole('button', { name: de.review.edit, exact: true }).click();
    const title = item.getByLabel(de.review.fields.title, { exact: true });
    await title.waitFor();
    expect(await title.getAttribute('lang')).toBe('de');
    const corrected = `${titles.approve} für Erwachsene`;
    await title.fill(corrected);
    await item.getByRole('button', { name: de.review.save }).click();
    await page.getByText(de.review.saved.replace('{title}', corrected)).waitFor();
    await reviewItem(page, corrected).waitFor();

    const directory = await openPage(`/offerings?q=${words.approve}`);
    await card(directory, corrected).waitFor();
  });

  it('says so when someone else changed the offering meanwhile, and shows the current version', async () => {
    const page = await openSignedIn('/staff/review');
    const item = reviewItem(page, titles.conflict);
    await item.waitFor();
    const entry = (await reviewQueue('pending')).find((candidate) => candidate.title === titles.conflict);
    if (!entry) throw new Error('the conflict offering is not pending');
    const changedElsewhere = `${titles.conflict} am Nachmittag`;
    await callApi(
      'PUT',
      `/api/staff/offerings/${entry.offeringId}`,
      {
        version: entry.version,
        title: changedElsewhere,
        description: 'Treffpunkt für Eltern',
        schedule: '',
        address: '',
        registration: '',
        officeContact: '',
        url: '',
      },
      staff.token,
    );

    await item.getByRole('button', { name: de.review.approve, exact: true }).click();
    await page.getByText(de.review.versionConflict).waitFor();
    await reviewItem(page, changedElsewhere).waitFor();
    expect(await page.getByTestId('review-notice').getAttribute('role')).toBe('status');

    await reviewItem(page, changedElsewhere)
      .getByRole('button', { name: de.review.approve, exact: true })
      .click();
    await page.getByText(de.review.approved.replace('{title}', changedElsewhere)).waitFor();
  });
});

describe('public directory', () => {
  it('marks an offering written in Arabic as right-to-left, in the list and on its page', async () => {
    const pending = (await reviewQueue('pending')).find((entry) => entry.title === titles.arabic);
    if (pending) await approveOffering(pending);

    const page = await openPage(`/offerings?q=${words.arabic}`, { lang: 'ar' });
    const found = card(page, titles.arabic);
    await found.waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await found.locator('h3').getAttribute('lang')).toBe('ar');
    expect(await found.locator('h3').getAttribute('dir')).toBe('rtl');
    expect(await found.locator('.offering-card__description').getAttribute('dir')).toBe('rtl');
    expect(await found.textContent()).toContain('Würzburg');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/offerings-ar.png', fullPage: true });

    await found.getByRole('link').click();
    await page.locator('.offering-detail__heading[lang="ar"][dir="rtl"] h1').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/offerings-detail-ar.png', fullPage: true });
  });

  it('pages through the results in steps of 20, moving the focus to the new results', async () => {
    const page = await openPage(`/offerings?q=${words.paging}`);
    await waitForLoaded(page);
    expect(await page.getByTestId('offerings-count').textContent()).toBe(
      de.offerings.resultCount.replace('{count}', '21'),
    );
    expect(await page.locator('article.offering-card').count()).toBe(20);
    const pages = page.getByRole('navigation', { name: de.offerings.pagination });
    expect(await pages.textContent()).toContain(
      de.offerings.pagePosition.replace('{page}', '1').replace('{pages}', '2'),
    );

    await pages.getByRole('link', { name: de.offerings.nextPage }).click();
    await page.waitForURL((url) => url.searchParams.get('offset') === '20');
    await waitForLoaded(page);
    expect(await page.locator('article.offering-card').count()).toBe(1);
    await page.waitForFunction(() => document.activeElement?.id === 'offerings-results-title');
    await pages.getByRole('link', { name: de.offerings.previousPage }).waitFor();
  });

  it('shows dates in the Gregorian calendar in Persian and Arabic', async () => {
    for (const lang of ['fa', 'ar'] as const) {
      const page = await openPage(`/offerings?q=${words.approve}`, { lang });
      const confirmed = page.locator('.offering-card__confirmed').first();
      await confirmed.waitFor();
      const text = (await confirmed.textContent()) ?? '';
      const year = new Date().getFullYear();
      const digits = lang === 'fa' ? '۰۱۲۳۴۵۶۷۸۹' : '٠١٢٣٤٥٦٧٨٩';
      const localized = String(year).replace(/\d/g, (digit) => digits[Number(digit)] ?? digit);
      expect(text.includes(String(year)) || text.includes(localized), `${lang}: ${text}`).toBe(true);
    }
  });
});

describe('WCAG 2.1 AA and small screens', () => {
  it.each(['de', 'ar'] as const)(
    'finds no violations in the directory with results and filters (%s)',
    async (lang) => {
      const page = await openPage(`/offerings?place=ochsenfurt&category=language_courses`, { lang });
      await waitForLoaded(page);
      await page.locator('article.offering-card').first().waitFor();
      await expectNoAxeViolations(page);
    },
  );

  it.each(['de', 'ar'] as const)('finds no violations in the review queue (%s)', async (lang) => {
    const page = await openSignedIn('/staff/review', { lang });
    const item = reviewItem(page, titles.waiting);
    await item.waitFor();
    await expectNoAxeViolations(page);
    const rejectLabel = (lang === 'ar' ? ar : de).review.reject;
    await item.getByRole('button', { name: rejectLabel, exact: true }).click();
    await expectNoAxeViolations(page);
  });

  it('fits 320 px without sideways scrolling, in Arabic', async () => {
    const directory = await openPage(`/offerings?q=${words.approve}`, {
      lang: 'ar',
      viewport: { width: 320, height: 800 },
    });
    await directory.locator('article.offering-card').first().waitFor();
    await expectNoHorizontalScroll(directory);
    await directory.screenshot({ path: '/tmp/offerings-320-ar.png', fullPage: true });

    const review = await openSignedIn('/staff/review', { lang: 'ar', width: 320 });
    await reviewItem(review, titles.waiting).waitFor();
    await expectNoHorizontalScroll(review);
    await review.screenshot({ path: '/tmp/staff-review-320-ar.png', fullPage: true });
  });
});
