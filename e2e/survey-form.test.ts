import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import de from '../content/messages/de.json';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoPageProblems,
  openPage,
  waitForLoaded,
} from './support/pages';
import { newInvitation, outbox, serverCopy } from './support/survey-invitations';

const q = de.questionnaire;
const f = de.surveyForm;

async function openForm(path: string, options: Parameters<typeof openPage>[1] = {}): Promise<Page> {
  const page = await openPage(path, { lang: 'de', ...options });
  await waitForLoaded(page);
  await page.locator('form.survey-form').waitFor();
  return page;
}

/** A choice inside one question's fieldset (the same option text can appear in several questions). */
function choice(scope: Page | Locator, fieldsetId: string, label: string): Locator {
  return scope.locator(`fieldset[id$="${fieldsetId}"]`).first().getByLabel(label, { exact: true });
}

async function choosePlace(scope: Page | Locator, fieldsetId: string, filter: string, name: string) {
  const places = scope.locator(`fieldset[id$="${fieldsetId}"]`).first();
  await places.getByLabel(f.places.filter).fill(filter);
  await places.getByLabel(name, { exact: true }).check();
  await places.getByLabel(f.places.filter).fill('');
}

async function fillOffering(
  page: Page,
  offering: { title: string; description: string; cost: 'free' | 'reduced'; publish: boolean },
) {
  await page.getByRole('button', { name: /^Angebot hinzufügen$|^Weiteres Angebot hinzufügen$/ }).click();
  const section = page.locator('.survey-offering').last();
  // The new offering's title takes the focus.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/-title$/);
  await page.keyboard.type(offering.title);
  await section.getByLabel(q.offering.description.label, { exact: true }).fill(offering.description);
  await choice(section, '-category', q.offeringCategories.language_courses).check();
  await choice(section, '-targetGroups', q.targetGroups.adults).check();
  await choice(section, '-languages', q.offeredLanguages.ar).check();
  await choosePlace(section, '-places', 'ochsen', 'Ochsenfurt');
  await choice(section, '-cost', q.costKinds[offering.cost]).check();
  if (offering.cost === 'reduced') {
    await section.getByLabel(q.offering.costNote.label).fill('3 Euro je Abend');
  } else {
    expect(await section.getByLabel(q.offering.costNote.label).count()).toBe(0);
  }
  await section.getByLabel(q.offering.officeContact.label).fill('Geschäftsstelle, Tel. 09331 1234');
  const url = section.getByLabel(q.offering.url.label);
  await url.fill('www.vhs-ochsenfurt.de');
  await url.blur();
  expect(await url.inputValue()).toBe('https://www.vhs-ochsenfurt.de');
  if (offering.publish) await section.getByLabel(q.offering.publish.label).check();
}

/** Horizontal position of a checkbox relative to its label: negative when the box comes first (left). */
async function boxBeforeLabel(page: Page, id: string): Promise<number> {
  const box = await page.locator(`#${id}`).boundingBox();
  const label = await page.locator(`label[for="${id}"]`).boundingBox();
  if (!box || !label) throw new Error(`no layout for ${id}`);
  return box.x - label.x;
}

describe('survey form', () => {
  it('is filled in German, resumed after a reload, kept in Arabic (mirrored), summarised, submitted and confirmed by e-mail', async () => {
    const invitation = await newInvitation();
    const page = await openForm(invitation.path);

    // Institution: the name is prefilled from the invitation; sector, type and places.
    const name = page.getByLabel(q.institution.name.label);
    expect(await name.inputValue()).toBe(invitation.institutionName);
    await name.fill(`${invitation.institutionName} e. V.`);
    await choice(page, 'q-institution-sector', q.sectors.other).check();
    await page.getByLabel(q.institution.sectorOther.label).fill('Erwachsenenbildung und Kultur');
    await choice(page, 'q-institution-sector', q.sectors.education).check();
    expect(await page.getByLabel(q.institution.sectorOther.label).count()).toBe(0);
    await choice(page, 'q-institution-type', q.institutionTypes.adult_education).check();
    await choice(page, 'q-institution-places', q.places['whole-county']).check();
    await choosePlace(page, 'q-institution-places', 'kuer', 'Kürnach');

    // Contact person, with a format check when the e-mail field is left.
    await page.locator('#q-contact-name').fill('Ana Beispiel');
    const email = page.getByLabel(q.contact.email.label);
    await email.fill('ana@');
    await email.blur();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#q-contact-email-error').textContent()).toBe(
      de.validation.invalid_format_email,
    );
    expect(await email.getAttribute('aria-describedby')).toContain('q-contact-email-error');
    await email.fill(invitation.email);
    expect(await email.getAttribute('aria-invalid')).toBeNull();

    await fillOffering(page, {
      title: 'Deutsch am Abend',
      description: 'Kurs A1 bis B1',
      cost: 'reduced',
      publish: true,
    });
    await fillOffering(page, {
      title: 'Sprachcafé intern',
      description: 'Treffen für Teilnehmende',
      cost: 'free',
      publish: false,
    });

    await choice(page, 'q-opening-status', q.openingStatuses.started).check();
    await choice(page, 'q-opening-steps', q.openingSteps.interpreters).check();
    await choice(page, 'q-interview-willing', q.interview.willing.yes).check();
    await choice(page, 'q-interview-topics', q.offeringCategories.language_courses).check();
    await page.getByLabel(q.privacy.accepted.label).check();
    await page.getByLabel(q.privacy.accepted.label).blur();

    // Saved on the server (autosave), with a visible status.
    await expect
      .poll(async () => (await serverCopy(invitation.token)).answers.privacy.accepted, { timeout: 5000 })
      .toBe(true);
    await page.locator('#survey-save-status[data-status="saved"]').waitFor();
    expect(await page.locator('#survey-save-status').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#survey-save-status').textContent()).toMatch(/^Gespeichert um \d\d:\d\d$/);
    const saved = await serverCopy(invitation.token);
    expect(saved.answers.offerings.map((offering) => [offering.title, offering.publish])).toEqual([
      ['Deutsch am Abend', true],
      ['Sprachcafé intern', false],
    ]);
    expect(saved.contact?.email).toBe(invitation.email);
    await expectNoAxeViolations(page);

    // Resume: a reload shows the saved answers.
    await page.reload();
    await page.locator('form.survey-form').waitFor();
    expect(await name.inputValue()).toBe(`${invitation.institutionName} e. V.`);
    expect(await page.locator('.survey-offering').count()).toBe(2);
    expect(
      await page.locator('.survey-offering').nth(1).getByLabel(q.offering.title.label).inputValue(),
    ).toBe('Sprachcafé intern');
    expect(await page.getByLabel(q.privacy.accepted.label).isChecked()).toBe(true);
    expect(await page.locator('#q-institution-places-kuernach').isChecked()).toBe(true);

    // Arabic: the page turns right-to-left, the layout mirrors, and the answers stay.
    const ltrBox = await boxBeforeLabel(page, 'q-privacy-accepted');
    const ltrHeading = await page.locator('#survey-institution-title').boundingBox();
    await page.locator('.language-switch a[hreflang="ar"]').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await page.locator('#q-institution-name').inputValue()).toBe(
      `${invitation.institutionName} e. V.`,
    );
    expect(await page.locator('.survey-offering').count()).toBe(2);
    const rtlBox = await boxBeforeLabel(page, 'q-privacy-accepted');
    const rtlHeading = await page.locator('#survey-institution-title').boundingBox();
    expect(ltrBox).toBeLessThan(0);
    expect(rtlBox).toBeGreaterThan(0);
    const viewport = page.viewportSize()?.width ?? 1280;
    expect(ltrHeading?.x ?? viewport).toBeLessThan(viewport / 4);
    expect((rtlHeading?.x ?? 0) + (rtlHeading?.width ?? 0)).toBeGreaterThan((viewport * 3) / 4);
    // An offering's text is marked with the language it is written in.
    expect(
      await page.locator('.survey-offering').first().getByRole('textbox').first().getAttribute('lang'),
    ).toBe('de');
    await expectNoAxeViolations(page);

    // The summary in Arabic, then back to the form and to German.
    await page.locator('.survey-submit button[type="submit"]').click();
    await page.locator('#survey-review-title').waitFor();
    await expectNoAxeViolations(page);
    await page.locator('.survey-review .button--secondary').click();
    await page.locator('.language-switch a[hreflang="de"]').click();
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');

    // Submit: summary first (text only, each text in its language), then the confirmation.
    await page.getByRole('button', { name: f.review }).click();
    const summary = page.locator('.survey-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('survey-review-title');
    expect(await summary.textContent()).toContain('Deutsch am Abend');
    expect(await summary.locator('[lang="de"]', { hasText: 'Kurs A1 bis B1' }).count()).toBe(1);
    expect(await summary.textContent()).toContain(f.publishNo);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: f.submitNow }).click();
    await page.locator('#survey-confirmation-title').waitFor();
    expect(await page.locator('.survey-confirmation').textContent()).toContain(f.confirmationMail);
    expect(await page.locator('.survey-confirmation').textContent()).toContain('Nr. 1');

    // The confirmation e-mail, with the answers, to the contact person.
    const mail = (await outbox()).find(
      (message) => message.purpose === 'survey-confirmation' && message.to.includes(invitation.email),
    );
    expect(mail?.subject).toBe(de.surveyMail.confirmationSubject.replace('{title}', invitation.surveyTitle));
    for (const answer of [
      `${invitation.institutionName} e. V.`,
      'Deutsch am Abend',
      'Sprachcafé intern',
      'Ana Beispiel',
    ]) {
      expect(mail?.text).toContain(answer);
    }

    // Until the survey closes, the answers can be corrected and submitted again.
    await page.getByRole('button', { name: f.correct }).click();
    await page.locator('.survey-submitted-before').waitFor();
    expectNoPageProblems(page);
  });

  it('opens an old link by one redirect to the fragment form and saves from it and from a new link, never sending the token in a URL', async () => {
    const invitation = await newInvitation();
    const nameIn = (page: Page) => page.locator('#q-institution-name');

    // An old link from a mailbox (token in the path) lands on /survey#<token> after one redirect.
    const old = await openForm(`/survey/${invitation.token}`);
    expect(new URL(old.url()).pathname).toBe('/survey');
    expect(new URL(old.url()).hash).toBe(`#${invitation.token}`);
    const redirects = await old.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).redirectCount,
    );
    expect(redirects).toBe(1);
    await nameIn(old).fill('Über den alten Link');
    await nameIn(old).blur();
    await old.locator('#survey-save-status[data-status="saved"]').waitFor();
    expect((await serverCopy(invitation.token)).answers.institution.name).toBe('Über den alten Link');
    await old.close();

    // Today's link: the page reads the fragment and sends the token in a header only.
    const fresh = await openForm(invitation.path);
    expect(await nameIn(fresh).inputValue()).toBe('Über den alten Link');
    expect(await fresh.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');
    const sent: { url: string; header: string | undefined }[] = [];
    fresh.on('request', (request) =>
      sent.push({ url: request.url(), header: request.headers()['wegweiser-access-token'] }),
    );
    await nameIn(fresh).fill('Über den neuen Link');
    await nameIn(fresh).blur();
    await fresh.locator('#survey-save-status[data-status="saved"]').waitFor();
    expect((await serverCopy(invitation.token)).answers.institution.name).toBe('Über den neuen Link');
    const draft = sent.find((request) => new URL(request.url).pathname === '/api/survey/draft');
    expect(draft?.header).toBe(invitation.token);
    expect(sent.filter((request) => request.url.includes(invitation.token))).toEqual([]);
    expectNoPageProblems(fresh);
  });

  it('stops autosave in a second tab whose copy is older, says so, and reloads the newer answers', async () => {
    const invitation = await newInvitation();
    const first = await openForm(invitation.path);
    const second = await openForm(invitation.path, { context: first.context() });

    const nameIn = (page: Page) => page.locator('#q-institution-name');
    await nameIn(first).fill('Aus dem ersten Fenster');
    await nameIn(first).blur();
    await first.locator('#survey-save-status[data-status="saved"]').waitFor();

    await nameIn(second).fill('Aus dem zweiten Fenster');
    await nameIn(second).blur();
    const conflict = second.locator('.survey-conflict');
    await conflict.waitFor();

    expect(await conflict.getAttribute('role')).toBe('alert');
    expect(await conflict.locator('h2').textContent()).toBe(f.conflict.title);
    expect(await second.locator('#survey-save-status').textContent()).toBe(f.save.conflict);
    expect((await serverCopy(invitation.token)).answers.institution.name).toBe('Aus dem ersten Fenster');

    expect(await second.evaluate(() => document.activeElement?.id)).toBe('survey-conflict-title');
    await conflict.getByRole('button', { name: f.conflict.reload, exact: true }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await nameIn(second).inputValue()).toBe('Aus dem ersten Fenster');
    expect((await serverCopy(invitation.token)).answers.institution.name).toBe('Aus dem ersten Fenster');
    expectNoPageProblems(second, [/409/]);
  });

  it('can be worked through by keyboard alone, in a logical order, with visible focus', async () => {
    const invitation = await newInvitation();
    const page = await openForm(invitation.path);
    const active = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const style = element ? getComputedStyle(element) : undefined;
        return {
          id: element?.id ?? '',
          text: element?.textContent?.trim() ?? '',
          type: element?.getAttribute('type') ?? element?.tagName.toLowerCase() ?? '',
          focusVisible: Boolean(style && (style.outlineStyle !== 'none' || style.boxShadow !== 'none')),
        };
      });
    const visited: string[] = [];
    let reachedSubmit = false;
    for (let presses = 0; presses < 600 && !reachedSubmit; presses++) {
      await page.keyboard.press('Tab');
      const focused = await active();
      if (focused.id) visited.push(focused.id);
      if (focused.id.startsWith('q-') || focused.text === f.review)
        expect(focused.focusVisible, focused.id).toBe(true);
      if (focused.id === 'q-institution-sector-education') await page.keyboard.press('Space');
      if (focused.id === 'q-institution-places-filter') await page.keyboard.type('aub');
      if (focused.id === 'q-institution-places-aub') await page.keyboard.press('Space');
      if (focused.id === 'q-privacy-accepted') await page.keyboard.press('Space');
      if (focused.text === f.offerings.add) {
        await page.keyboard.press('Enter');
        await expect.poll(async () => (await active()).id).toMatch(/^q-offering-.*-title$/);
        await page.keyboard.type('Offene Beratung');
      }
      reachedSubmit = focused.text === f.review;
    }
    expect(reachedSubmit).toBe(true);

    const order = [
      'q-institution-name',
      'q-institution-sector-education',
      'q-institution-places-filter',
      'q-contact-name',
      'q-contact-email',
      'q-opening-status-not_considered',
      'q-privacy-accepted',
    ].map((id) => visited.indexOf(id));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(await page.locator('#q-institution-sector-education').isChecked()).toBe(true);
    expect(await page.locator('#q-institution-places-aub').isChecked()).toBe(true);
    expect(await page.locator('#q-privacy-accepted').isChecked()).toBe(true);

    // Submitting incomplete answers: the error summary takes the focus and leads to the fields.
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await page.evaluate(() => document.activeElement?.className)) ?? '')
      .toContain('survey-errors');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
    await page.keyboard.press('Enter');
    expect((await active()).id).toBe('q-institution-type-public_authority');
    const type = page.locator('#q-institution-type');
    expect(await type.getAttribute('aria-describedby')).toContain('q-institution-type-error');
    expect(await page.locator('#q-institution-type-error').textContent()).toBe(f.errors.chooseOne);
    await page.keyboard.press('Shift+Tab');
    expect((await active()).id).toBe('q-institution-sector-education');
  });

  it('erases the contact person on request, after asking, and keeps the answers', async () => {
    const invitation = await newInvitation();
    const page = await openForm(invitation.path);
    await page.locator('#q-contact-name').fill('Ana Beispiel');
    await page.locator('#q-contact-email').fill(invitation.email);
    await page.locator('#q-contact-email').blur();
    await expect.poll(async () => (await serverCopy(invitation.token)).contact?.email).toBe(invitation.email);

    await page.getByRole('button', { name: f.contact.erase }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('survey-erase-question');
    await page.getByRole('button', { name: f.contact.eraseYes }).click();
    await page.getByText(f.contact.erased).waitFor();

    expect(await page.locator('#q-contact-name').inputValue()).toBe('');
    const server = await serverCopy(invitation.token);
    expect(server.contact).toBeNull();
    expect(server.answers.institution.name).toBe(invitation.institutionName);
  });

  it('turns read-only with a clear message once the survey has closed', async () => {
    const invitation = await newInvitation({ closesInMs: 3000 });
    const page = await openForm(invitation.path);
    await page.locator('#q-contact-name').fill('Ana Beispiel');
    await page.locator('#q-contact-name').blur();
    await expect.poll(async () => (await serverCopy(invitation.token)).contact?.name).toBe('Ana Beispiel');

    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(invitation.closesAt) - Date.now() + 200)),
    );
    // A change after the closing date is refused by the server: the form says so and turns read-only.
    await page.locator('#q-contact-role').fill('Leitung');
    await page.locator('#q-contact-role').blur();
    await page.locator('.survey-closed').waitFor();
    expect(await page.locator('form.survey-form').count()).toBe(0);
    expect(await page.locator('.survey-summary').textContent()).toContain('Ana Beispiel');

    await page.reload();
    await page.locator('.survey-closed h2').waitFor();
    expect(await page.locator('.survey-closed h2').textContent()).toBe(f.closedTitle);
    expect(await page.locator('input, textarea, select').count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('fits a 320 px wide phone without horizontal scrolling, form and summary', async () => {
    const invitation = await newInvitation();
    const page = await openForm(invitation.path, { viewport: { width: 320, height: 640 } });
    const toggle = page.locator('#q-institution-places .survey-places__toggle');
    expect(await toggle.textContent()).toBe(f.places.showAll.replace('{total}', '52'));
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#q-institution-places-list input').count()).toBe(52);
    await page.getByRole('button', { name: f.offerings.add }).click();
    await expectNoHorizontalScroll(page);

    // On a phone the languages are behind the header's language button.
    await page.locator('.header-menu--languages > summary').click();
    await page.locator('.header-menu--languages a[hreflang="ar"]').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expectNoHorizontalScroll(page);

    await page.locator('.survey-submit button[type="submit"]').click();
    await page.locator('.survey-errors').waitFor();
    await expectNoHorizontalScroll(page);
  });
});
