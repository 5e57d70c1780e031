import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import ar from '../content/messages/ar.json';
import de from '../content/messages/de.json';
import { formatMessage } from '../functions/shared/i18n/format';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoPageProblems,
  openPage,
  waitForLoaded,
} from './support/pages';
import { openSignedIn } from './support/staff';

const s = de.steering;
/** Unique per run: the e2e stack is shared by every test file. */
const run = randomUUID().slice(0, 8);
const priorityTitle = `Sprachkurse im Süden ${run}`;
const measureTitle = `Abendkurs Deutsch B1 ${run}`;

describe('steering: the committee records priorities and measures, the public sees where the concept stands', () => {
  it('lets a steering member record a priority and a measure in the console, with their history', async () => {
    const page = await openSignedIn('/staff/steering', { role: 'steering' });
    await page.getByRole('heading', { name: s.prioritiesHeading }).waitFor();
    expect(await page.getByTestId('staff-role').textContent()).toBe(`${de.staff.roleStaff}, ${s.memberRole}`);

    await page.getByRole('button', { name: s.addPriority }).click();
    await page.getByRole('button', { name: s.save }).click();
    expect(await page.locator('#priority-form-new-de-title-error').textContent()).toBe(
      de.validation.too_short.replace('{minimum}', '1'),
    );
    await page.locator('#priority-form-new-de-title').fill(priorityTitle);
    await page.locator('#priority-form-new-de-description').fill('Mehr Kurse rund um Ochsenfurt');
    await page.locator('#priority-form-new-status').selectOption('adopted');
    await page.getByLabel(de.questionnaire.needCategories.language, { exact: true }).check();
    await page.locator('#priority-form-new-gap-need').selectOption('language');
    await page.locator('#priority-form-new-gap-place').selectOption('ochsenfurt');
    await page.getByRole('button', { name: s.addGapCell }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: s.save }).click();
    await page.getByText(s.saved.replace('{title}', priorityTitle)).waitFor();
    await waitForLoaded(page);

    await page.getByRole('button', { name: s.addMeasure }).click();
    await page.locator('#measure-form-new-de-title').fill(measureTitle);
    await page.locator('#measure-form-new-priority').selectOption({ label: priorityTitle });
    await page.locator('#measure-form-new-owner').fill('Bildungsbüro des Landratsamts');
    await page.locator('#measure-form-new-partners').fill('VHS Ochsenfurt\nCaritas Würzburg');
    await page.locator('#measure-form-new-from').fill('2027-01');
    await page.locator('#measure-form-new-to').fill('2027-07');
    await page.locator('#measure-form-new-status').selectOption('in_progress');
    await page.getByRole('button', { name: s.save }).click();
    await page.getByText(s.saved.replace('{title}', measureTitle)).waitFor();
    await waitForLoaded(page);

    const card = page.getByRole('article', { name: new RegExp(priorityTitle) });
    await card.getByRole('button', { name: s.history }).click();
    const history = card.getByTestId('steering-history');
    await history.waitFor();
    expect(await history.locator('tbody tr').count()).toBe(1);
    expect(await history.locator('tbody tr td').nth(1).textContent()).toBe(s.you);
    expect(await history.locator('tbody tr td').nth(2).textContent()).toContain(s.actions.created);
    await expectNoAxeViolations(page);
    // The empty title sent on purpose was answered with 400; nothing else may fail.
    expectNoPageProblems(page, [/status of 400/]);
  });

  it('shows staff the records without the means to change them', async () => {
    const page = await openSignedIn('/staff/steering', { role: 'staff' });
    await page.getByTestId('steering-priorities').waitFor();
    await page.getByText(s.readOnly).waitFor();
    expect(await page.getByRole('button', { name: s.addPriority }).count()).toBe(0);
    expect(await page.getByTestId('steering-priorities').textContent()).toContain(priorityTitle);
  });

  it('shows the adopted priority and its measure on the public page, linked from the concept page', async () => {
    const concept = await openPage('/concept', { lang: 'de' });
    await concept.getByRole('link', { name: s.conceptLink }).click();
    await concept.getByRole('heading', { level: 1, name: s.statusTitle }).waitFor();
    await waitForLoaded(concept);
    const priority = concept.getByTestId('public-priority').filter({ hasText: priorityTitle });
    expect(await priority.textContent()).toContain(measureTitle);
    expect(await priority.textContent()).toContain('Bildungsbüro des Landratsamts');
    expect(await priority.textContent()).toContain(de.questionnaire.needCategories.language);
    expect(await concept.getByTestId('measure-counts').textContent()).toContain(
      de.steering.measureStatus.in_progress,
    );
    await expectNoAxeViolations(concept);
    expectNoPageProblems(concept);
  });

  it('reads right to left in Arabic at 320 px, with the German texts marked as German', async () => {
    const page = await openPage('/concept/status', { lang: 'ar', viewport: { width: 320, height: 800 } });
    await waitForLoaded(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(ar.steering.statusTitle);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const title = page.getByText(priorityTitle);
    expect(await title.getAttribute('lang')).toBe('de');
    expect(await title.getAttribute('dir')).toBe('ltr');
    const counts = await page.getByTestId('measure-counts').textContent();
    expect(counts).not.toContain('{count');
    expect(formatMessage('ar', ar.steering.measureCount.dropped, { count: 0 })).not.toContain('#');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    expectNoPageProblems(page);
  });
});
