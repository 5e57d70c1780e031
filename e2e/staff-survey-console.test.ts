import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import ar from '../content/messages/ar.json';
import de from '../content/messages/de.json';
import { accessTokenHeaders, tokenOfLink } from '../functions/shared/links/token-links';
import { expectNoAxeViolations, expectNoHorizontalScroll, expectNoPageProblems, url } from './support/pages';
import { goToConsoleSection, openSignedIn, signInAsAdminThroughForm, staffSession } from './support/staff';

const t = de.staffSurvey;
/** Unique per run: the e2e stack is shared by every test file. */
const run = randomUUID().slice(0, 8);

function tokenOf(link: string): string {
  return tokenOfLink(link);
}

function row(page: Page, institution: string) {
  return page.getByTestId('invitations-table').locator('tbody tr', { hasText: institution });
}

async function stateOf(page: Page, institution: string): Promise<string | null> {
  return row(page, institution).locator('[data-state]').getAttribute('data-state');
}

describe('staff console: surveys and invitations', () => {
  const title = `Bestandsaufnahme ${run}`;
  const youthCentre = `Jugendzentrum ${run}`;
  const caritas = `Caritas ${run}`;
  const mosque = `Moscheeverein ${run}`;
  let surveyPath = '';

  beforeAll(async () => {
    await staffSession(); // the stack is up and the demo admin exists
  });

  it('creates a survey from Berlin wall-clock times and opens its page', async () => {
    const page = await signInAsAdminThroughForm();
    await goToConsoleSection(page, t.sectionTitle, t.createTitle);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: t.create }).click();
    expect(await page.locator('#survey-title-error').textContent()).toBe(de.validation.required);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('survey-title');

    await page.getByLabel(t.surveyTitle, { exact: true }).fill(title);
    await page.getByLabel(t.opensAt, { exact: true }).fill('2026-01-01T09:00');
    await page.getByLabel(t.closesAt, { exact: true }).fill('2026-01-01T08:00');
    await page.getByRole('button', { name: t.create }).click();
    expect(await page.locator('#survey-closesAt-error').textContent()).toBe(t.closesBeforeOpening);

    const created = page.waitForRequest((request) => request.url().endsWith('/api/staff/surveys'));
    await page.getByLabel(t.closesAt, { exact: true }).fill('2099-07-31T18:00');
    await page.getByLabel(t.openParticipation).check();
    await page.getByRole('button', { name: t.create }).click();
    const request = await created;
    // A retry after a lost answer must not create a second survey.
    expect(request.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const body = request.postDataJSON() as Record<string, unknown>;
    expect(body).toEqual({
      title,
      opensAt: '2026-01-01T09:00:00+01:00',
      closesAt: '2099-07-31T18:00:00+02:00',
      openParticipation: true,
    });

    await page.getByRole('heading', { name: title, level: 3 }).waitFor();
    surveyPath = new URL(page.url()).pathname;
    expect(surveyPath).toMatch(/^\/staff\/surveys\/[0-9a-f-]{36}$/);
    const currentSection = page.locator('.console__nav a[aria-current="page"]');
    expect(await currentSection.textContent()).toBe(t.sectionTitle);
    await page.getByText(t.noInvitations).waitFor();
    expectNoPageProblems(page);
  });

  it('invites one institution by form and shows its link once, with a copy button', async () => {
    const page = await openSignedIn(surveyPath);

    await page.getByLabel(t.institution, { exact: true }).fill(youthCentre);
    await page.getByLabel(t.email, { exact: true }).fill(`jugend-${run}@example.org`);
    await page.getByLabel(t.invitationLanguage).selectOption('en');
    await page.getByRole('button', { name: t.invite, exact: true }).click();

    const link = await page.getByTestId('issued-link').inputValue();
    expect(link).toMatch(/\/survey\?lang=[a-z]{2}#[A-Za-z0-9_-]{22,64}$/);
    const panel = page.getByRole('region', { name: t.linkIssuedTitle.replace('{institution}', youthCentre) });
    expect(await panel.textContent()).toContain(
      t.linkShownOnce.replace('{email}', `jugend-${run}@example.org`),
    );
    await page.waitForFunction(() => document.activeElement?.classList.contains('issued-link'));
    await page.getByRole('button', { name: t.copyLink }).click();
    await page.locator('.issued-link__copied:not(:empty)').waitFor();
    await row(page, youthCentre).waitFor();
    expect(await stateOf(page, youthCentre)).toBe('not_opened');
    expect(await row(page, youthCentre).textContent()).toContain(t.states.not_opened);
    expect((await fetch(url('/api/survey'), { headers: accessTokenHeaders(tokenOf(link)) })).status).toBe(
      200,
    );
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/staff-survey-invited.png', fullPage: true });

    await page.reload();
    await row(page, youthCentre).waitFor();
    expect(await page.getByTestId('issued-link').count()).toBe(0);
    // Opening the link (as above) is what moves the invitation to "in progress".
    expect(await stateOf(page, youthCentre)).toBe('in_progress');
    expect(await row(page, youthCentre).textContent()).toContain(t.states.in_progress);
  });

  it('imports a CSV: the preview names the bad row, creating makes only the good ones', async () => {
    const page = await openSignedIn(surveyPath);
    const csv = [
      'institution,email,language',
      `${caritas},caritas-${run}@example.org,de`,
      `,ohne-name-${run}@example.org,de`,
      `${mosque},moschee-${run}@example.org,ar`,
    ].join('\n');

    await page.getByLabel(t.importPaste).fill(csv);
    await page.getByRole('button', { name: t.importPreview }).click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();

    expect(await preview.locator('tbody tr').count()).toBe(3);
    const problem = preview.locator('tbody tr', { hasText: `ohne-name-${run}` });
    expect(await problem.locator('[data-problem]').getAttribute('data-problem')).toBe('missing_institution');
    expect(await problem.textContent()).toContain(t.importProblems.missing_institution);
    expect(await preview.locator('tbody tr', { hasText: caritas }).textContent()).toContain(
      t.importWillInvite,
    );
    expect(await page.locator('.import-preview').textContent()).toContain(
      t.importSummary.replace('{good}', '2').replace('{bad}', '1'),
    );
    await page.waitForFunction(
      (title) => document.activeElement?.textContent === title,
      t.importPreviewTitle,
    );
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/staff-survey-import-preview.png', fullPage: true });
    expect(await row(page, caritas).count()).toBe(0); // the preview created nothing

    await page.getByRole('button', { name: t.importCreate.replace('{count}', '2') }).click();
    await page.getByText(t.importCreated.replace('{count}', '2')).waitFor();
    await row(page, caritas).waitFor();
    await row(page, mosque).waitFor();
    expect(await page.getByTestId('invitations-table').locator('tbody tr').count()).toBe(3);
    expect(await row(page, mosque).locator('[lang="ar"]').textContent()).toBe('العربية');

    // The same file again: every row is now already invited, so nothing can be created.
    await page.getByLabel(t.importPaste).fill(csv);
    await page.getByRole('button', { name: t.importPreview }).click();
    await preview.waitFor();
    expect(await preview.locator('[data-problem="already_invited"]').count()).toBe(2);
    expect(
      await page.getByRole('button', { name: t.importCreate.replace('{count}', '0') }).isDisabled(),
    ).toBe(true);
  });

  it('revokes after asking, resends with a new link, reminds everyone still due', async () => {
    const page = await openSignedIn(surveyPath);
    await row(page, caritas).waitFor();

    // Revoke: a confirmation first; cancelling changes nothing.
    await row(page, caritas).getByRole('button', { name: t.revoke }).click();
    const dialog = page.getByRole('dialog', { name: t.revokeConfirmTitle });
    await dialog.waitFor();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: t.cancel }).click();
    expect(await stateOf(page, caritas)).toBe('not_opened');
    await row(page, caritas).getByRole('button', { name: t.revoke }).click();
    await dialog.getByRole('button', { name: t.revokeConfirm }).click();
    const notice = page.getByTestId('survey-notice');
    await page.getByText(t.revoked.replace('{institution}', caritas)).waitFor();
    // The revoke button is gone with the revoked state: the focus moves to the message.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'survey-notice');
    await page.waitForFunction(
      (name) =>
        [...document.querySelectorAll('[data-testid="invitations-table"] tbody tr')]
          .find((tr) => tr.textContent?.includes(name))
          ?.querySelector('[data-state="revoked"]') !== null,
      caritas,
    );
    expect(await row(page, caritas).textContent()).toContain(t.states.revoked);
    expect(await row(page, caritas).getByRole('button').count()).toBe(0);

    // Resend: a new link, shown once; the one before stops working.
    const outbox = await fetch(url('/api/dev/outbox?limit=100'));
    const before = ((await outbox.json()) as { messages: { to: string[]; text: string }[] }).messages;
    const firstMail = before.find((message) => message.to.includes(`jugend-${run}@example.org`));
    const firstLink =
      /https?:\/\/\S+\/survey\?lang=[a-z]{2}#[A-Za-z0-9_-]+/.exec(firstMail?.text ?? '')?.[0] ?? '';
    expect(firstLink).not.toBe('');
    await row(page, youthCentre).getByRole('button', { name: t.resend }).click();
    await page
      .getByRole('dialog', { name: t.resendConfirmTitle })
      .getByRole('button', { name: t.resendConfirm })
      .click();
    const newLink = await page.getByTestId('issued-link').inputValue();
    expect(newLink).toMatch(/\/survey\?lang=[a-z]{2}#[A-Za-z0-9_-]{22,64}$/);
    expect(newLink).not.toBe(firstLink);
    expect(await page.getByText(t.oldLinkRetired).count()).toBe(1);
    expect(
      (await fetch(url('/api/survey'), { headers: accessTokenHeaders(tokenOf(firstLink)) })).status,
    ).toBe(410);
    expect((await fetch(url('/api/survey'), { headers: accessTokenHeaders(tokenOf(newLink)) })).status).toBe(
      200,
    );

    // Reminders: everyone neither submitted nor revoked (the youth centre and the mosque).
    expect(await page.getByText(t.notSubmittedCount.replace('{count}', '2')).count()).toBe(1);
    await page.getByRole('button', { name: t.remindAll }).click();
    const remind = page.getByRole('dialog', { name: t.remindConfirmTitle });
    expect(await remind.textContent()).toContain(t.remindConfirmText.replace('{count}', '2'));
    await remind.getByRole('button', { name: t.remindConfirm }).click();
    await page.getByText(t.remindersSent.replace('{count}', '2')).waitFor();
    expect(await notice.getAttribute('role')).toBe('status');
    await page.waitForFunction(
      (name) =>
        [...document.querySelectorAll('[data-testid="invitations-table"] tbody tr')]
          .find((tr) => tr.textContent?.includes(name))
          ?.querySelector('[data-column="reminders"]')?.textContent === '1',
      mosque,
    );

    expect(await stateOf(page, youthCentre)).toBe('in_progress');
    expect(await stateOf(page, mosque)).toBe('not_opened');
    expect(await stateOf(page, caritas)).toBe('revoked');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/staff-survey-detail.png', fullPage: true });
    expectNoPageProblems(page);
  });

  it.each([['de'], ['ar']] as const)(
    'has no WCAG 2.1 AA violations on the survey pages (%s)',
    async (lang) => {
      const list = await openSignedIn('/staff/surveys', { lang });
      await list.getByRole('link', { name: title }).waitFor();
      await expectNoAxeViolations(list);

      const detail = await openSignedIn(surveyPath, { lang });
      await row(detail, youthCentre).waitFor();
      await expectNoAxeViolations(detail);
    },
  );

  it('fits a 320 px wide screen: the page never scrolls sideways, the table scrolls in its own region', async () => {
    const page = await openSignedIn(surveyPath, { lang: 'ar', width: 320 });
    await row(page, youthCentre).waitFor();
    await expectNoHorizontalScroll(page);
    const region = page.getByRole('region', {
      name: ar.staffSurvey.invitationsCaption.replace('{count}', '3'),
    });
    expect(await region.getAttribute('tabindex')).toBe('0');
    await page.screenshot({ path: '/tmp/staff-survey-320-ar.png', fullPage: true });
  });
});
