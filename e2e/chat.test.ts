import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import ar from '../content/messages/ar.json';
import de from '../content/messages/de.json';
import en from '../content/messages/en.json';
import fa from '../content/messages/fa.json';
import { loadKnowledgeBase } from '../functions/chatbot/knowledge/knowledge-base';
import {
  expectNoAxeViolations,
  expectNoPageProblems,
  openPage,
  sharedBrowser,
  url,
  waitForLoaded,
} from './support/pages';

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

const arabicKnowledge = loadKnowledgeBase().ar;

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
  await expect.poll(() => botMessages(page).count(), { timeout: 20_000 }).toBeGreaterThan(before);
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
    // Other browser tests add courses in Ochsenfurt to the shared stack: any fitting course will do.
    const cards = page.locator('.webchat__bubble__content', { hasText: `${de.bot.offeringWhen}:` });
    await cards.first().waitFor();
    expect(await cards.first().textContent()).toMatch(/Ochsenfurt|ganzer Landkreis/);
    expect(await textOf(page, first)).toMatch(/passendes? Angebot/);
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
    expect(answer).toContain(arabicKnowledge.find((entry) => entry.id === 'when-finished')?.answer ?? '?');
    // Each bot message carries its own language, for screen readers (WCAG 3.1.2), inside the chat.
    const marked = page.locator('.chat__frame [lang="ar"] .webchat__bubble__content');
    expect(await marked.filter({ hasText: answer.slice(0, 20) }).count()).toBe(1);
    // The answer links to its section of the concept page, clickable.
    const sectionLink = page.locator('.chat__frame .webchat__bubble__content a[href*="/concept#"]').last();
    expect(await sectionLink.getAttribute('href')).toMatch(/\/concept#[a-z0-9-]+$/);
    expect(await page.getByRole('button', { name: ar.chat.webChat.send }).count()).toBe(1);
    await expectNoAxeViolations(page);
    expectNoPageProblems(page);
  });

  it('loads Web Chat and React only on /chat, not on the other pages', async () => {
    const page = await openPage('/offerings');
    await waitForLoaded(page);
    const scripts = () =>
      page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect((await scripts()).filter((name) => name.includes('web-chat'))).toEqual([]);
    await page.getByRole('link', { name: de.nav.chat, exact: true }).first().click();
    await botMessages(page).first().waitFor();
    expect((await scripts()).filter((name) => name.includes('web-chat'))).toHaveLength(1);
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
    // On a phone the introduction is folded: from its summary, the page's last stop before the chat,
    // Tab alone reaches the input box.
    await page.locator('.chat__about > summary').focus();
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
    await expect.poll(() => botMessages(page).count(), { timeout: 20_000 }).toBeGreaterThan(before);
    expect(arabicShare(await textOf(page, before))).toBeGreaterThan(0.6);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(320);
    if (process.env.CHAT_SHOTS) await page.screenshot({ path: '/tmp/webchat/fa.png', fullPage: true });
    await expectNoAxeViolations(page);
    expectNoPageProblems(page);
  });
});

describe('mixed directions and times in the chat', () => {
  /** Where the first and the last word of a message's text sit on screen, left to right. */
  async function wordPositions(page: Page, text: string) {
    return userMessage(page, text)
      .first()
      .evaluate((bubble, wanted) => {
        const walker = document.createTreeWalker(bubble, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const value = node.textContent ?? '';
          if (!value.includes(wanted)) continue;
          const start = value.indexOf(wanted);
          const range = document.createRange();
          const box = (from: number, to: number) => {
            range.setStart(node, from);
            range.setEnd(node, to);
            return range.getBoundingClientRect();
          };
          const first = box(start, start + 2);
          const mark = box(start + wanted.length - 1, start + wanted.length);
          return { firstLeft: first.left, markLeft: mark.left };
        }
        return undefined;
      }, text);
  }

  it('shows a German message on the Farsi page left to right, starting with its first word', async () => {
    const page = await openChat('fa', { width: 320, height: 640 });
    const question = 'Wo bekomme ich Hilfe?';
    await ask(page, question, fa.chat.webChat.placeholder);
    const positions = await wordPositions(page, question);
    expect(positions).toBeDefined();
    // "Wo" starts the line at the left and the question mark ends it at the right, as in German
    expect(positions?.firstLeft ?? 0).toBeLessThan(positions?.markLeft ?? 0);
    // ... while the page and the chat stay right to left
    expect(await page.locator('.chat').getAttribute('dir')).toBe('rtl');
    const farsi = await ask(page, 'سلام، کلاس زبان کجاست؟', fa.chat.webChat.placeholder);
    expect(farsi).toBeGreaterThan(0);
    const farsiPositions = await wordPositions(page, 'سلام، کلاس زبان کجاست؟');
    expect(farsiPositions?.firstLeft ?? 0).toBeGreaterThan(farsiPositions?.markLeft ?? 0);
    expectNoPageProblems(page);
  });

  it.each([
    ['de', /^Gesendet am \d{1,2}\. \p{L}+ \d{4}/u],
    ['fa', /^ارسال‌شده در .*\d{4}/u],
  ] as const)(
    'reads the time of a message in %s with its date and year, in 24-hour time where the language does',
    async (lang, label) => {
      const page = await openChat(lang);
      const status = page.locator('.chat__status .visually-hidden').first();
      await status.waitFor({ state: 'attached' });
      const text = (await status.textContent()) ?? '';
      expect(text).toMatch(label);
      expect(text).not.toMatch(/AM|PM|Sent/);
      expectNoPageProblems(page);
    },
  );
});

describe('the web chat in a cloud stage (Direct Line, played by the test)', () => {
  const directLine = 'https://directline.botframework.com/v3/directline';
  const stream = 'wss://directline.botframework.com/v3/directline/conversations/dl-conv/stream';

  /**
   * A page that believes it is in the cloud: the site info names Direct Line, and Azure's Direct Line
   * (which tests cannot reach) is played here over HTTP and WebSocket. CSP is bypassed as in the staff
   * sign-in test: the local CSP has no Direct Line to allow, the cloud's does (infra-tests/bot.test.ts).
   */
  async function cloudPage(token: { status: number; body: unknown }) {
    const context = await (await sharedBrowser()).newContext({ locale: 'de-DE', bypassCSP: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const seen = {
      tokenRequests: 0,
      authorizations: [] as string[],
      posted: [] as Record<string, unknown>[],
    };
    await page.route('**/api/site', async (route) => {
      const site = await (await route.fetch()).json();
      await route.fulfill({ json: { ...site, chatTransport: 'directLine' } });
    });
    await page.route('**/api/chat/token', async (route) => {
      seen.tokenRequests += 1;
      expect(route.request().method()).toBe('POST');
      await route.fulfill({
        status: token.status,
        contentType: token.status === 200 ? 'application/json' : 'application/problem+json',
        body: JSON.stringify(token.body),
      });
    });
    let sendToPage: (activities: unknown[]) => void = () => undefined;
    let watermark = 0;
    await page.routeWebSocket(/^wss:\/\/directline\.botframework\.com\//, (socket) => {
      sendToPage = (activities) => {
        watermark += activities.length;
        socket.send(JSON.stringify({ activities, watermark: String(watermark) }));
      };
      sendToPage([
        {
          type: 'message',
          id: 'dl-conv|0',
          from: { id: 'bot', role: 'bot' },
          text: 'Guten Tag aus der Cloud',
        },
      ]);
    });
    await page.route(`${directLine}/**`, async (route) => {
      const request = route.request();
      seen.authorizations.push(request.headers().authorization ?? '');
      if (request.url().endsWith('/conversations') && request.method() === 'POST') {
        await route.fulfill({
          json: {
            conversationId: 'dl-conv',
            token: 'token-from-server',
            expires_in: 1800,
            streamUrl: stream,
          },
        });
        return;
      }
      if (request.url().endsWith('/conversations/dl-conv/activities')) {
        const activity = request.postDataJSON() as Record<string, unknown>;
        seen.posted.push(activity);
        const id = `dl-conv|${seen.posted.length}`;
        await route.fulfill({ json: { id } });
        sendToPage([
          { ...activity, id, timestamp: new Date().toISOString() },
          {
            type: 'message',
            id: `${id}-reply`,
            from: { id: 'bot', role: 'bot' },
            text: 'Antwort aus der Cloud',
          },
        ]);
        return;
      }
      await route.fulfill({ status: 404, body: '' });
    });
    await page.goto(url('/chat?lang=de'));
    return { page, context, seen };
  }

  it('gets a token from the server and talks to Direct Line with it, never with a secret', async () => {
    const { page, context, seen } = await cloudPage({
      status: 200,
      body: { token: 'token-from-server', conversationId: 'dl-conv', expiresIn: 1800 },
    });
    try {
      await page.locator('.webchat__bubble__content', { hasText: 'Guten Tag aus der Cloud' }).waitFor();
      const input = page.getByPlaceholder(de.chat.webChat.placeholder);
      await input.fill('Deutschkurs?');
      await input.press('Enter');
      await page.locator('.webchat__bubble__content', { hasText: 'Antwort aus der Cloud' }).waitFor();
      expect(seen.tokenRequests).toBe(1);
      expect(seen.authorizations.length).toBeGreaterThan(0);
      expect(new Set(seen.authorizations)).toEqual(new Set(['Bearer token-from-server']));
      expect(seen.posted[0]).toMatchObject({ type: 'message', text: 'Deutschkurs?', locale: 'de' });
      expect(await page.locator('.chat__frame').getAttribute('data-chat-transport')).toBe('directLine');
    } finally {
      await context.close();
    }
  });

  it('says so, names the contact and offers a retry when the token cannot be had', async () => {
    const { page, context, seen } = await cloudPage({
      status: 502,
      body: { type: '/problems/bad-gateway', title: 'Dienst nicht erreichbar', status: 502, detail: '…' },
    });
    try {
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const site = (await (await fetch(url('/api/site'))).json()) as {
        county: { integrationContact: string };
      };
      expect(await alert.textContent()).toBe(
        `${de.chat.unavailable.replace('{contact}', site.county.integrationContact)}${de.app.retry}`,
      );
      await alert.getByRole('button', { name: de.app.retry }).click();
      await expect.poll(() => seen.tokenRequests).toBe(2);
      expect(await page.locator('.chat').isHidden()).toBe(true);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
