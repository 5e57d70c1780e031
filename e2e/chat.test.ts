import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import ar from '../content/messages/ar.json';
import de from '../content/messages/de.json';
import en from '../content/messages/en.json';
import fa from '../content/messages/fa.json';
import {
  closeBrowser,
  closeOpenedPages,
  expectNoAxeViolations,
  expectNoPageProblems,
  openPage,
  waitForLoaded,
} from './support/pages';

afterEach(closeOpenedPages);
afterAll(closeBrowser);

/** The share of letters in Arabic script (Arabic and Farsi), so a proper name in Latin letters may stay. */
function arabicShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  const arabic = text.match(/\p{Script=Arabic}/gu) ?? [];
  return letters.length === 0 ? 0 : arabic.length / letters.length;
}

/** The bot's messages in the transcript, oldest first (Web Chat marks each by who said it). */
function botMessages(page: Page) {
  return page.locator(
    '.webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content',
  );
}

function userMessage(page: Page, text: string) {
  return page.locator('.webchat__stacked-layout--from-user .webchat__bubble__content', { hasText: text });
}

async function textOf(page: Page, index: number): Promise<string> {
  return ((await botMessages(page).nth(index).textContent()) ?? '').trim();
}

async function ask(page: Page, question: string, placeholder: string): Promise<number> {
  const before = await botMessages(page).count();
  const input = page.getByPlaceholder(placeholder);
  await input.fill(question);
  await input.press('Enter');
  await userMessage(page, question).waitFor();
  await expect.poll(() => botMessages(page).count(), { timeout: 10_000 }).toBeGreaterThan(before);
  return before;
}

async function openChat(lang: 'de' | 'ar' | 'fa', viewport?: { width: number; height: number }) {
  const page = await openPage('/chat', { lang, ...(viewport ? { viewport } : {}) });
  await waitForLoaded(page);
  // The bot greets when the conversation starts, as a channel makes it do.
  await botMessages(page).first().waitFor();
  return page;
}

describe('the web chat at /chat', () => {
  it('answers a German question about a German course in German, with the offering as a card', async () => {
    const page = await openChat('de');
    expect(await page.locator('.chat').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('.chat').getAttribute('lang')).toBe('de');
    expect(await textOf(page, 0)).toContain('Guten Tag');
    const first = await ask(page, 'Wo gibt es einen Deutschkurs in Ochsenfurt?', de.chat.webChat.placeholder);
    await page
      .locator('.webchat__bubble__content', { hasText: 'Deutschkurs am Vormittag mit Kinderbetreuung' })
      .first()
      .waitFor();
    expect(await textOf(page, first)).toMatch(/passende Angebot/);
    await expectNoAxeViolations(page);
    expectNoPageProblems(page);
  });

  it('answers an Arabic question in Arabic, right to left', async () => {
    const page = await openChat('ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.chat').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.chat').getAttribute('lang')).toBe('ar');
    // Web Chat itself lays out right to left (its root carries the direction it was given).
    expect(await page.locator('.chat [dir="rtl"]').count()).toBeGreaterThan(0);
    expect(arabicShare(await textOf(page, 0))).toBeGreaterThan(0.6);

    const first = await ask(page, 'متى سيكون مفهوم الاندماج جاهزاً؟', ar.chat.webChat.placeholder);
    const answer = await textOf(page, first);
    expect(arabicShare(answer)).toBeGreaterThan(0.6);
    expect(await page.getByRole('button', { name: ar.chat.webChat.send }).count()).toBe(1);
    await expectNoAxeViolations(page);
    expectNoPageProblems(page);
  });

  it('keeps the conversation when the visitor switches the site language', async () => {
    const page = await openChat('de');
    await ask(page, 'Hallo', de.chat.webChat.placeholder);
    await page.getByRole('link', { name: 'English', exact: true }).click();
    await page.getByPlaceholder(en.chat.webChat.placeholder).waitFor();
    expect(await userMessage(page, 'Hallo').count()).toBe(1);
    expect(await page.locator('.chat').getAttribute('lang')).toBe('en');
  });

  it('works at 320 px and by keyboard alone, in Farsi (which Web Chat itself does not translate)', async () => {
    const page = await openChat('fa', { width: 320, height: 640 });
    expect(await page.locator('.chat').getAttribute('dir')).toBe('rtl');
    // From the page's last link before the chat, Tab alone reaches the input box.
    await page.getByRole('link', { name: fa.chat.privacyLink }).focus();
    const input = page.getByPlaceholder(fa.chat.webChat.placeholder);
    for (
      let presses = 0;
      presses < 20 && !(await input.evaluate((node) => node === document.activeElement));
      presses++
    ) {
      await page.keyboard.press('Tab');
    }
    expect(await input.evaluate((node) => node === document.activeElement)).toBe(true);
    const before = await botMessages(page).count();
    await page.keyboard.type('سلام');
    await page.keyboard.press('Enter');
    await userMessage(page, 'سلام').waitFor();
    await expect.poll(() => botMessages(page).count(), { timeout: 10_000 }).toBeGreaterThan(before);
    expect(arabicShare(await textOf(page, before))).toBeGreaterThan(0.6);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(320);
    if (process.env.CHAT_SHOTS) await page.screenshot({ path: '/tmp/webchat/fa.png', fullPage: true });
    await expectNoAxeViolations(page);
    expectNoPageProblems(page);
  });
});
