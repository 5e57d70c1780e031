import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import ar from '../content/messages/ar.json';
import de from '../content/messages/de.json';
import { say } from '../local/testing/bot-client';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoPageProblems,
  openPage,
  waitForLoaded,
} from './support/pages';
import { openSignedIn } from './support/staff';

/** Asks the bot like a channel with `expectReplies`: the replies' texts. */
async function ask(conversation: string, text: string): Promise<string[]> {
  const replies = await say(inject('baseUrl'), conversation, { text, locale: 'de-DE' });
  return replies.map((activity) => activity.text ?? '');
}

/** Unique per run: the e2e stack is shared by every test file. */
const run = randomUUID().slice(0, 8);

const sections = [
  'ziele',
  'arbeitsmittel',
  'steuerungskreis',
  'prozessablauf',
  'online-umfrage',
  'experteninterviews',
  'workshop',
  'stand',
  'kontakt',
];

describe('the concept page', () => {
  it.each([
    ['de', 'ltr', de.concept.title, de.concept.milestonesHeading],
    ['ar', 'rtl', ar.concept.title, ar.concept.milestonesHeading],
  ] as const)(
    'shows every section with its anchor in %s (%s), the milestones, and passes axe',
    async (lang, dir, title, milestones) => {
      const page = await openPage('/concept', { lang });
      await waitForLoaded(page);
      expect(await page.locator('html').getAttribute('dir')).toBe(dir);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await expect.poll(() => page.locator('h1').textContent()).toBe(title);
      for (const section of sections) {
        const element = page.locator(`section#${section}`);
        expect(await element.count(), section).toBe(1);
        expect(await element.locator('h2').count(), section).toBe(1);
        expect(await page.locator(`.concept-contents a[href="#${section}"]`).count(), section).toBe(1);
      }
      const status = page.locator('section#stand');
      expect(await status.getByRole('heading', { name: milestones }).count()).toBe(1);
      expect(
        await status
          .locator('.concept-milestones time')
          .evaluateAll((times) => times.map((t) => t.getAttribute('datetime'))),
      ).toEqual(expect.arrayContaining(['2019-09-23', '2019-05', '2019-02-18', '2019-01-23']));
      await expectNoAxeViolations(page);
      expectNoPageProblems(page);
    },
  );

  it('is usable at 320 px in Arabic without horizontal scrolling', async () => {
    const page = await openPage('/concept', { lang: 'ar', viewport: { width: 320, height: 800 } });
    await waitForLoaded(page);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  it('opens at the section a bot answer links to, and the contents work from the keyboard', async () => {
    const page = await openPage('/concept#steuerungskreis', { lang: 'de' });
    await waitForLoaded(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('steuerungskreis');
    const link = page.locator('.concept-contents a[href="#kontakt"]');
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#kontakt');
    expect(await page.locator('section#kontakt').textContent()).toContain(de.concept.contactLabel);
  });
});

describe('the staff knowledge editor', () => {
  it('saves an edit that the bot answers with at once, and the concept page shows', async () => {
    const page = await openSignedIn('/staff/knowledge/when-finished', { role: 'admin' });
    const answer = page.locator('#knowledge-answer');
    await answer.waitFor();
    const addition = ` Nächste Fortschreibung: Frühjahr ${run}.`;
    await answer.fill(`${await answer.inputValue()}${addition}`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: de.staffKnowledge.save, exact: true }).click();
    await expect.poll(() => page.getByTestId('knowledge-status').textContent()).toBe(de.staffKnowledge.saved);

    const replies = await ask(`e2e-knowledge-${run}`, 'Wann ist die Integrationskonzeption fertig?');
    expect(replies.at(-1)).toContain(`Frühjahr ${run}`);
    expect(replies.at(-1)).toContain('/concept#prozessablauf');

    const concept = await openPage('/concept', { lang: 'de' });
    await waitForLoaded(concept);
    expect(await concept.locator('section#prozessablauf').textContent()).toContain(`Frühjahr ${run}`);
  });

  it('lists what needs translating after the German edit, and the overview passes axe', async () => {
    const page = await openSignedIn('/staff/knowledge', { role: 'staff' });
    const needs = page.getByTestId('translations-needed');
    await needs.waitFor();
    expect(await needs.locator('a[href="/staff/knowledge/when-finished?language=en"]').count()).toBe(1);
    await expectNoAxeViolations(page);
  });

  it('shows an unanswered question redacted, starts an entry from it, and the gaps and milestones sections pass axe', async () => {
    await ask(`e2e-gap-${run}`, 'Hallo');
    await ask(`e2e-gap-${run}`, `Ich heiße Olga Petrova, wann fährt der Bus ${run}? olga@example.org`);
    const page = await openSignedIn('/staff/gaps', { role: 'admin' });
    const row = page.getByTestId('unanswered-table').locator('tbody tr', { hasText: run });
    expect(await row.locator('th span').first().textContent()).toBe(
      `Ich heiße [name], wann fährt der Bus ${run}? [email]`,
    );
    await expectNoAxeViolations(page);
    await row.getByRole('link', { name: de.staffGaps.createEntry }).click();
    await expect.poll(() => page.locator('#knowledge-new-questions').inputValue()).toContain(`Bus ${run}`);
    await expectNoAxeViolations(page);

    const milestones = await openSignedIn('/staff/milestones', { role: 'staff' });
    await milestones.getByTestId('milestones').waitFor();
    expect(await milestones.getByTestId('milestones').textContent()).toContain(
      'Auswertung der Experteninterviews',
    );
    await expectNoAxeViolations(milestones);
  });
});
