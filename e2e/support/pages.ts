import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import de from '../../content/messages/de.json';
import type { Language } from '../../functions/shared/i18n/languages';
import { launchChromium } from './browser';

/** The WCAG 2.1 A and AA rules (the level BITV 2.0 requires). */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: Browser | undefined;
const pageProblems = new WeakMap<Page, string[]>();
const openedContexts = new Set<BrowserContext>();

export async function sharedBrowser(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

/** Closes the contexts `openPage` made (for `afterEach`), so each test starts with empty storage. */
export async function closeOpenedPages(): Promise<void> {
  const contexts = [...openedContexts];
  openedContexts.clear();
  await Promise.all(contexts.map((context) => context.close()));
}

export async function closeBrowser(): Promise<void> {
  await closeOpenedPages();
  await browser?.close();
  browser = undefined;
}

export function url(path: string): string {
  return new URL(path, inject('baseUrl')).href;
}

export interface OpenOptions {
  /** Adds `?lang=`; without it the page picks the language as for a first-time visitor. */
  lang?: Language;
  /** The browser's language preference; German unless a test says otherwise. */
  locale?: string;
  viewport?: { width: number; height: number };
  /** Reuse a context (and with it localStorage/sessionStorage) instead of a fresh one. */
  context?: BrowserContext;
}

/**
 * Opens a page of the site in a fresh browser context (no stored language, no session) and waits for
 * its heading. Script errors and CSP violations are recorded for `expectNoPageProblems`.
 */
export async function openPage(path: string, options: OpenOptions = {}): Promise<Page> {
  const context =
    options.context ??
    (await (
      await sharedBrowser()
    ).newContext({
      locale: options.locale ?? 'de-DE',
      viewport: options.viewport ?? { width: 1280, height: 900 },
    }));
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  pageProblems.set(page, problems);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  const target = new URL(url(path));
  if (options.lang) target.searchParams.set('lang', options.lang);
  await page.goto(target.href);
  await page.locator('h1').first().waitFor();
  return page;
}

/** Fails on script errors and CSP violations seen by the page, except the listed expected ones. */
export function expectNoPageProblems(page: Page, expected: RegExp[] = []): void {
  const problems = (pageProblems.get(page) ?? []).filter(
    (problem) => !expected.some((pattern) => pattern.test(problem)),
  );
  expect(problems).toEqual([]);
}

/** Waits until the page has no loading notice left (data from the API is in). */
export async function waitForLoaded(page: Page): Promise<void> {
  await page.locator('[data-loading]').first().waitFor({ state: 'detached' });
}

/** Runs axe-core with the WCAG 2.1 AA rules and fails with a readable list of what it found. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const found = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  expect(found, `axe-core on ${page.url()}`).toEqual([]);
}

/** Signs in through the dev sign-in form (the page must show it, in German). */
export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(de.staff.emailLabel).fill(email);
  await page.getByLabel(de.staff.passwordLabel).fill(password);
  await page.getByRole('button', { name: de.staff.signIn, exact: true }).click();
}

/** Fails when the page is wider than the window (WCAG 1.4.10 reflow: no scrolling sideways). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(widths.client);
}
