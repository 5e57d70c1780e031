import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import ar from '../content/messages/ar.json';
import de from '../content/messages/de.json';
import en from '../content/messages/en.json';
import fa from '../content/messages/fa.json';
import ru from '../content/messages/ru.json';
import tr from '../content/messages/tr.json';
import uk from '../content/messages/uk.json';
import { formatMessage } from '../functions/shared/i18n/format';
import { demoWorkshopId, demoWorkshopToken } from '../local/demo-workshop';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoPageProblems,
  openPage,
  url,
  waitForLoaded,
} from './support/pages';
import {
  callApi,
  goToConsoleSection,
  openSignedIn,
  signInAsAdminThroughForm,
  staffSession,
} from './support/staff';
import { newInvitation, submitResponse } from './support/survey-invitations';

const t = de.workshopStaff;
const w = de.workshop;
/** Unique per run: the e2e stack is shared by every test file. */
const run = randomUUID().slice(0, 8);

/** A workshop made through the staff API, as staff would; its id. */
async function newWorkshop(details: Record<string, unknown>): Promise<string> {
  const response = await fetch(url('/api/staff/workshops'), {
    method: 'POST',
    headers: { authorization: `Bearer ${(await staffSession()).token}`, 'content-type': 'application/json' },
    body: JSON.stringify(details),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { workshopId: string }).workshopId;
}

/** The text of the newest letter of a kind to an address, from the local stage's outbox. */
async function mailTo(email: string, purpose: string): Promise<string> {
  const outbox = await callApi<{ messages: { to: string[]; purpose: string; text: string }[] }>(
    'GET',
    '/api/dev/outbox?limit=100',
  );
  return outbox.messages.find((mail) => mail.to[0] === email && mail.purpose === purpose)?.text ?? '';
}

/** A workshop that took place in January 2026, registration long closed. */
const pastWorkshop = {
  startsAt: '2026-01-20T14:00:00+01:00',
  endsAt: '2026-01-20T18:00:00+01:00',
  place: 'Landratsamt Würzburg',
  capacity: 20,
  registrationClosesAt: '2026-01-10T00:00:00+01:00',
};

describe('the workshop: staff announce it, people register, staff see the list', () => {
  const title = `Workshop Integrationskonzeption ${run}`;
  const participant = `Erika Beispiel ${run}`;
  let workshopPath = '';
  let workshopId = '';
  let manageLink = '';

  beforeAll(async () => {
    await staffSession();
  });

  it('creates a workshop in the staff console from Berlin wall-clock times', async () => {
    const page = await signInAsAdminThroughForm();
    await goToConsoleSection(page, t.sectionTitle, t.createTitle);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: t.create }).click();
    expect(await page.locator('#workshop-title-error').textContent()).toBe(de.validation.required);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('workshop-title');

    await page.getByLabel(t.titleLabel, { exact: true }).fill(title);
    await page.getByLabel(t.startsAtLabel, { exact: true }).fill('2099-03-10T14:00');
    await page.getByLabel(t.endsAtLabel, { exact: true }).fill('2099-03-10T13:00');
    await page.getByLabel(t.placeLabel, { exact: true }).fill('Landratsamt Würzburg, Sitzungssaal');
    await page.getByLabel(t.programmeLabel, { exact: true }).fill('14:00 Begrüßung\n14:30 Ergebnisse');
    await page.getByLabel(t.capacityLabel, { exact: true }).fill('2');
    await page.getByLabel(t.deadlineLabel, { exact: true }).fill('2099-03-01T23:59');
    await page.getByRole('button', { name: t.create }).click();
    expect(await page.locator('#workshop-endsAt-error').textContent()).toBe(
      de.validation.workshop_ends_before_start,
    );

    const created = page.waitForRequest((request) => request.url().endsWith('/api/staff/workshops'));
    await page.getByLabel(t.endsAtLabel, { exact: true }).fill('2099-03-10T18:00');
    await page.getByRole('button', { name: t.create }).click();
    const request = await created;
    expect(request.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.postDataJSON()).toEqual({
      title,
      startsAt: '2099-03-10T14:00:00+01:00',
      endsAt: '2099-03-10T18:00:00+01:00',
      place: 'Landratsamt Würzburg, Sitzungssaal',
      programme: '14:00 Begrüßung\n14:30 Ergebnisse',
      capacity: 2,
      registrationClosesAt: '2099-03-01T23:59:00+01:00',
    });

    await page.getByTestId('workshop-title').waitFor();
    expect(await page.getByTestId('workshop-title').textContent()).toBe(title);
    workshopPath = new URL(page.url()).pathname;
    expect(workshopPath).toMatch(/^\/staff\/workshops\/[0-9a-f-]{36}$/);
    workshopId = workshopPath.split('/').pop() ?? '';
    await page.getByText(t.noRegistrations).waitFor();
    await waitForLoaded(page);
    await expectNoAxeViolations(page);
    expectNoPageProblems(page);
  });

  it('lets a person register on the public page, keyboard only', async () => {
    const page = await openPage(`/workshop/${workshopId}`, { lang: 'de' });
    await waitForLoaded(page);
    expect(await page.locator('h1').textContent()).toBe(w.pageTitle);
    expect(await page.getByTestId('workshop-name').getAttribute('lang')).toBe('de');
    expect(await page.getByTestId('workshop-name').textContent()).toBe(title);
    expect(await page.title()).toBe(`${title} – ${de.app.name}`);
    expect(await page.getByTestId('workshop-places').textContent()).toBe(
      w.placesLeft.replace('{left}', '2').replace('{capacity}', '2'),
    );
    await expectNoAxeViolations(page);

    await page.getByLabel(w.nameLabel).focus();
    await page.keyboard.press('Enter'); // submitting the empty form names the first missing field
    expect(await page.locator('#workshop-name-error').textContent()).toBe(de.validation.required);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('workshop-name');
    await page.keyboard.type(participant);
    await page.keyboard.press('Tab');
    await page.keyboard.type(`erika-${run}@example.org`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(`VHS Ochsenfurt ${run}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ich brauche einen rollstuhlgerechten Zugang.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(w.submit);
    await page.keyboard.press('Enter');

    const result = page.getByTestId('registration-result');
    await result.waitFor();
    // The page tells every address the same; the place and the personal link come by e-mail.
    expect(await result.getAttribute('data-status')).toBe('check_your_mail');
    expect(await result.textContent()).toBe(`${w.checkMailTitle}${w.checkMailText}`);
    expect(await result.getByRole('link').count()).toBe(0);
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'registration-result',
    );
    await expectNoAxeViolations(page);
    const letter = await mailTo(`erika-${run}@example.org`, 'workshop-registered');
    // The token is in the fragment only: no server, proxy or access log ever sees it.
    const mailed = /\/workshop\/registration\?lang=de#([A-Za-z0-9_-]{22,64})/.exec(letter);
    expect(mailed).not.toBeNull();
    expect(letter).not.toMatch(/\/workshop\/registration\/[A-Za-z0-9_-]{22,}/);
    manageLink = `/workshop/registration#${mailed?.[1] ?? ''}`;
    expectNoPageProblems(page);
  });

  it.each([
    ['de', de],
    ['en', en],
    ['ar', ar],
    ['tr', tr],
    ['uk', uk],
    ['ru', ru],
    ['fa', fa],
  ] as const)(
    'shows the same message in %s for an address that is registered already',
    async (lang, messages) => {
      const page = await openPage(`/workshop/${workshopId}`, { lang });
      await waitForLoaded(page);
      await page.getByLabel(messages.workshop.nameLabel).fill('Jemand');
      await page.getByLabel(messages.workshop.emailLabel).fill(`erika-${run}@example.org`);
      await page.getByLabel(messages.workshop.institutionLabel).fill('VHS');
      await page.getByRole('button', { name: messages.workshop.submit }).click();
      const result = page.getByTestId('registration-result');
      await result.waitFor();
      expect(await result.textContent()).toBe(
        `${messages.workshop.checkMailTitle}${messages.workshop.checkMailText}`,
      );
      expectNoPageProblems(page);
    },
  );

  it('shows the registration to staff in the list', async () => {
    const page = await openSignedIn(workshopPath);
    const table = page.getByTestId('registrations-table');
    await table.waitFor();
    const row = table.locator('tbody tr', { hasText: participant });
    expect(await row.getAttribute('data-status')).toBe('registered');
    expect(await row.textContent()).toContain(`erika-${run}@example.org`);
    expect(await row.textContent()).toContain(t.statusRegistered);
    expect(
      await page
        .getByText(
          t.summary.replace('{registered}', '1').replace('{capacity}', '2').replace('{waiting}', '0'),
        )
        .count(),
    ).toBe(1);
    await page.getByRole('button', { name: t.export }).waitFor();
    await expectNoAxeViolations(page);

    const exported = await fetch(url(`/api/staff/workshops/${workshopId}/registrations/export`), {
      headers: { authorization: `Bearer ${(await staffSession()).token}` },
    });
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await exported.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain(participant);
    expectNoPageProblems(page);
  });

  it('has no WCAG 2.1 AA violations in Arabic, right to left, at 320 px', async () => {
    const page = await openPage(`/workshop/${workshopId}`, {
      lang: 'ar',
      viewport: { width: 320, height: 800 },
    });
    await waitForLoaded(page);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByRole('button', { name: ar.workshop.submit }).count()).toBe(1);
    expect(await page.locator('.workshop-programme').getAttribute('lang')).toBe('de');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/workshop-ar-320.png', fullPage: true });

    const own = await openPage(manageLink, { lang: 'ar', viewport: { width: 320, height: 800 } });
    await waitForLoaded(own);
    expect(await own.getByTestId('registration-status').getAttribute('data-status')).toBe('registered');
    await expectNoHorizontalScroll(own);
    await expectNoAxeViolations(own);
    expectNoPageProblems(page);
  });

  it('lets the person cancel from their own link, after a question', async () => {
    const page = await openPage(manageLink, { lang: 'de' });
    await waitForLoaded(page);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: w.cancel }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'cancel-question');
    await page.getByRole('button', { name: w.cancelYes }).click();
    await page.getByText(w.cancelledText).waitFor();
    expect(await page.getByTestId('registration-status').getAttribute('data-status')).toBe('cancelled');
    await expectNoAxeViolations(page);

    const staff = await openSignedIn(workshopPath);
    await staff.getByText(t.noRegistrations).waitFor();
    expectNoPageProblems(page);
  });
});

describe('the e-mailed registration link', () => {
  it('fills in the institution the demo workshop was announced to', async () => {
    const page = await openPage(`/workshop/${demoWorkshopId}/invitation#${demoWorkshopToken}`, {
      lang: 'en',
    });
    await waitForLoaded(page);
    const institution = page.getByLabel(en.workshop.institutionLabel);
    await page.waitForFunction(
      () => (document.getElementById('workshop-institution') as HTMLInputElement | null)?.value,
    );
    expect(await institution.inputValue()).toBe('Demo-Einrichtung Volkshochschule');
    expect(await page.locator('main').textContent()).toContain(
      en.workshop.invitedAs.replace('{institution}', 'Demo-Einrichtung Volkshochschule'),
    );
    await expectNoAxeViolations(page);
    expectNoPageProblems(page);
  });
});

describe('the announcement to the institutions that answered the survey', () => {
  it('mails each institution its own link in its language, which opens a filled-in form', async () => {
    const invitation = await newInvitation();
    const { surveyTitle, institutionName: institution } = invitation;
    await submitResponse(invitation.token, {
      institutionName: institution,
      contact: { name: 'Ayşe Demir', role: 'Leitung', email: `ayse-${run}@example.org`, phone: '' },
      language: 'tr',
    });
    const workshopId = await newWorkshop({
      title: `Workshop mit Ankündigung ${run}`,
      startsAt: '2099-05-05T14:00:00+02:00',
      endsAt: '2099-05-05T18:00:00+02:00',
      place: 'Landratsamt Würzburg',
      capacity: 30,
      registrationClosesAt: '2099-04-30T23:59:00+02:00',
    });

    const page = await openSignedIn(`/staff/workshops/${workshopId}`);
    await page.getByLabel(t.surveyLabel).selectOption({ label: surveyTitle });
    await page.getByRole('button', { name: t.announce }).click();
    const result = page.getByTestId('announce-result');
    await result.waitFor();
    expect(await result.textContent()).toBe(formatMessage('de', t.announced, { mailed: 1, already: 0 }));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: t.announce }).click();
    await page.getByText(formatMessage('de', t.announced, { mailed: 0, already: 1 })).waitFor();

    const outbox = (await (await fetch(url('/api/dev/outbox?limit=100'))).json()) as {
      messages: { to: string[]; purpose: string; language: string; text: string }[];
    };
    const mails = outbox.messages.filter(
      (mail) => mail.purpose === 'workshop-announcement' && mail.to.includes(`ayse-${run}@example.org`),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.language).toBe('tr');
    const link =
      /https?:\/\/\S+\/workshop\/\S+\/invitation\?lang=tr#[\w-]{22,}/.exec(mails[0]?.text ?? '')?.[0] ?? '';
    expect(link).not.toBe('');

    const invited = await openPage(`${new URL(link).pathname}${new URL(link).hash}`, { lang: 'tr' });
    await waitForLoaded(invited);
    await invited.waitForFunction(
      () => (document.getElementById('workshop-institution') as HTMLInputElement | null)?.value,
    );
    expect(await invited.locator('#workshop-institution').inputValue()).toBe(institution);
    expectNoPageProblems(page);
  });
});

describe("the workshop results: staff record findings with the interviews' tags", () => {
  it('records a recommendation with a topic after the workshop, keyboard only', async () => {
    const workshopId = await newWorkshop({ ...pastWorkshop, title: `Workshop gestern ${run}` });
    const page = await openSignedIn(`/staff/workshops/${workshopId}`);
    await page.getByRole('heading', { name: t.resultsTitle }).waitFor();
    await page.getByText(t.noFindings).waitFor();

    await page.getByRole('button', { name: t.addFinding }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'finding-0-text');
    await page.keyboard.type('Sprachkurse mit Kinderbetreuung ausbauen');
    await page.getByLabel(de.questionnaire.offeringCategories.language_courses).check();
    await expectNoAxeViolations(page);
    const saved = page.waitForRequest((request) => request.url().endsWith(`/${workshopId}/results`));
    await page.getByRole('button', { name: t.saveResults }).click();
    expect((await saved).postDataJSON()).toEqual({
      findings: [
        {
          kind: 'recommendation',
          text: 'Sprachkurse mit Kinderbetreuung ausbauen',
          textLanguage: 'de',
          topics: ['language_courses'],
        },
      ],
    });
    await page.getByText(t.resultsSaved).waitFor();

    const stored = await callApi<{ results?: { findings: { kind: string; topics: string[] }[] } }>(
      'GET',
      `/api/staff/workshops/${workshopId}`,
      undefined,
      (await staffSession()).token,
    );
    expect(stored.results?.findings).toMatchObject([
      { kind: 'recommendation', topics: ['language_courses'] },
    ]);
    expectNoPageProblems(page);
  });

  it('says on the public page that registration has closed', async () => {
    const workshopId = await newWorkshop({ ...pastWorkshop, title: `Workshop ausgebucht ${run}` });
    const page = await openPage(`/workshop/${workshopId}`, { lang: 'fa' });
    await waitForLoaded(page);
    expect(await page.getByTestId('registration-closed').textContent()).toBe(fa.workshop.registrationClosed);
    expect(await page.getByRole('button', { name: fa.workshop.submit }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
