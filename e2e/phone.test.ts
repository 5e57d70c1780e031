import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import ar from '../content/messages/ar.json';
import de from '../content/messages/de.json';
import fa from '../content/messages/fa.json';
import type { Language } from '../functions/shared/i18n/languages';
import { expectNoAxeViolations, openPage, sharedBrowser, url, waitForLoaded } from './support/pages';
import { newInvitation } from './support/survey-invitations';

/** The smallest phone the site is made for. */
const phone = { width: 320, height: 640 };
const texts = { de, ar, fa } as const;

const publicPages = [
  '/',
  '/chat',
  '/offerings',
  '/concept',
  '/concept/status',
  '/survey',
  '/privacy',
  '/imprint',
  '/accessibility',
  '/api-reference',
];
const cases = publicPages.flatMap((path) =>
  (['de', 'ar', 'fa'] as const).map((lang) => [path, lang] as const),
);

const languageButton = '.header-menu--languages > summary';
const menuButton = '.header-menu--navigation > summary';

async function openOnPhone(path: string, lang: Language): Promise<Page> {
  const page = await openPage(path, { lang, viewport: phone });
  await waitForLoaded(page);
  // Measure with the site's own fonts in place, not the fallback they replace.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

function boxOf(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
    });
}

/** What a screen reader is told about an element: Chromium's accessibility tree, via the DevTools protocol. */
async function accessibleState(cdp: CDPSession, page: Page, selector: string) {
  await page.locator(selector).first().waitFor({ state: 'attached' });
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  const node = nodes.find((candidate) => !candidate.ignored) ?? nodes[0];
  const expanded = node?.properties?.find((property) => property.name === 'expanded')?.value.value;
  return { role: node?.role?.value, name: node?.name?.value, expanded };
}

async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 30; presses++) {
    if (
      await page
        .locator(selector)
        .first()
        .evaluate((node) => node === document.activeElement)
    )
      return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const isOpen = (page: Page, selector: string) =>
  page.locator(selector).evaluate((summary) => (summary.parentElement as HTMLDetailsElement).open);

describe('every public page on a 320 × 640 phone', () => {
  it.each(cases)('%s (%s): heading above the fold, no sideways scrolling', async (path, lang) => {
    const page = await openOnPhone(path, lang);
    const heading = await boxOf(page, 'h1');
    // Logged for the record: where the heading starts, and how wide the page is.
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    console.info(`phone ${path} ${lang}: h1 top ${Math.round(heading.top)} px, scrollWidth ${scrollWidth}`);
    expect(heading.top, 'the main heading starts within the first 250 px').toBeLessThanOrEqual(250);
    expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(phone.width);

    if (path === '/chat') {
      const words = texts[lang].chat.webChat;
      const input = page.getByPlaceholder(words.placeholder);
      const send = page.getByRole('button', { name: words.send });
      await input.waitFor();
      for (const [what, control] of [
        ['input', input],
        ['send button', send],
      ] as const) {
        const box = await control.evaluate((element) => {
          const rect = element.getBoundingClientRect();
          return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
        });
        console.info(`phone /chat ${lang}: ${what} ${JSON.stringify(box)}`);
        expect(box.top, `${what} below the top`).toBeGreaterThanOrEqual(0);
        expect(box.bottom, `${what} above the bottom edge`).toBeLessThanOrEqual(phone.height);
        expect(box.left, `${what} inside the left edge`).toBeGreaterThanOrEqual(0);
        expect(box.right, `${what} inside the right edge`).toBeLessThanOrEqual(phone.width);
      }
    }
  });
});

describe('the compact header', () => {
  it('shows the site name, the language by its own name and a menu button, and no language row or bar', async () => {
    const page = await openOnPhone('/', 'fa');
    expect(await page.locator(languageButton).textContent()).toContain('فارسی');
    expect(await page.locator('.language-switch').isVisible()).toBe(false);
    expect(await page.locator('.site-header__nav').isVisible()).toBe(false);
    const header = await boxOf(page, '.site-header__top');
    expect(header.bottom).toBeLessThanOrEqual(80);
    // On a wide screen it is the other way round.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await page.locator('.language-switch').isVisible()).toBe(true);
    expect(await page.locator('.header-menus').isVisible()).toBe(false);
  });

  it('opens the language list by keyboard, announces it, and switches the language from it', async () => {
    const page = await openOnPhone('/offerings', 'de');
    const cdp = await page.context().newCDPSession(page);
    await page.keyboard.press('Tab'); // the skip link first
    await tabTo(page, languageButton);
    const closed = await accessibleState(cdp, page, languageButton);
    expect(closed.name).toBe(`Deutsch – ${de.app.languageSwitch}`);
    expect(closed.expanded).toBe(false);

    await page.keyboard.press('Enter');
    expect(await isOpen(page, languageButton)).toBe(true);
    expect((await accessibleState(cdp, page, languageButton)).expanded).toBe(true);
    const list = page.getByRole('navigation', { name: de.app.languageSwitch });
    expect(await list.getByRole('link').count()).toBe(7);
    expect(await list.getByRole('link', { name: 'Deutsch' }).getAttribute('aria-current')).toBe('true');

    // Escape closes it and leaves the focus on its button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await isOpen(page, languageButton)).toBe(false);
    expect(await page.locator(languageButton).evaluate((node) => node === document.activeElement)).toBe(true);

    await page.keyboard.press('Space');
    expect(await isOpen(page, languageButton)).toBe(true);
    const arabic = list.getByRole('link', { name: 'العربية' });
    expect(await arabic.getAttribute('lang')).toBe('ar');
    expect(await arabic.getAttribute('hreflang')).toBe('ar');
    expect(await arabic.getAttribute('dir')).toBe('rtl');
    expect(await arabic.getAttribute('href')).toBe('/offerings?lang=ar');
    await tabTo(page, '.header-menu--languages a[hreflang="ar"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    expect(await page.locator('h1').textContent()).toBe(ar.offerings.title);
    expect(await isOpen(page, languageButton)).toBe(false);
    expect(await page.locator(languageButton).textContent()).toContain('العربية');
    expect(await page.locator(languageButton).evaluate((node) => node === document.activeElement)).toBe(true);
  });

  it('opens the menu by keyboard and follows a link from it', async () => {
    const page = await openOnPhone('/', 'de');
    const cdp = await page.context().newCDPSession(page);
    await tabTo(page, menuButton);
    expect(await accessibleState(cdp, page, menuButton)).toMatchObject({
      name: de.phone.menu,
      expanded: false,
    });
    await page.keyboard.press('Enter');
    expect((await accessibleState(cdp, page, menuButton)).expanded).toBe(true);
    const navigation = page.getByRole('navigation', { name: de.app.mainNavigation });
    expect(await navigation.count()).toBe(1);
    expect(await navigation.getByRole('link', { name: de.nav.home }).getAttribute('aria-current')).toBe(
      'page',
    );
    await tabTo(page, '.header-menu--navigation a[href="/concept"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(url('/concept'));
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await isOpen(page, menuButton)).toBe(false);
  });

  it('keeps one menu open at a time', async () => {
    const page = await openOnPhone('/', 'ar');
    await page.locator(languageButton).click();
    await page.locator(menuButton).click();
    expect(await isOpen(page, languageButton)).toBe(false);
    expect(await isOpen(page, menuButton)).toBe(true);
  });

  it('reaches another language and another page without JavaScript', async () => {
    // The page as rendered, served again to a browser with JavaScript switched off: the menus are
    // plain <details> and the links plain links, so nothing in them needs a script.
    const rendered = await openOnPhone('/offerings', 'de');
    const html = await rendered.content();
    const context = await (await sharedBrowser()).newContext({
      javaScriptEnabled: false,
      viewport: phone,
      locale: 'de-DE',
    });
    try {
      const page = await context.newPage();
      const address = url('/offerings');
      await page.route(address, (route) => route.fulfill({ body: html, contentType: 'text/html' }));

      await page.goto(address);
      expect(await page.locator('.language-switch').isVisible()).toBe(false);
      await page.locator(languageButton).click();
      await page.getByRole('link', { name: 'فارسی', exact: true }).click();
      await page.waitForURL((target) => target.searchParams.get('lang') === 'fa');
      expect(new URL(page.url()).pathname).toBe('/offerings');

      await page.goto(address);
      await page.locator(menuButton).click();
      await page.getByRole('link', { name: de.nav.survey, exact: true }).click();
      await page.waitForURL(url('/survey'));
    } finally {
      await context.close();
    }
  });

  it.each(['de', 'ar'] as const)(
    'has no WCAG 2.1 AA violations with the menus closed and open (%s)',
    async (lang) => {
      for (const path of ['/', '/chat']) {
        const page = await openOnPhone(path, lang);
        await expectNoAxeViolations(page);
        await page.locator(languageButton).click();
        await page.locator('.header-menu--languages nav').waitFor();
        await expectNoAxeViolations(page);
        await page.locator(menuButton).click();
        await page.locator('.header-menu--navigation nav').waitFor();
        await expectNoAxeViolations(page);
        await page.keyboard.press('Escape');
        expect(await isOpen(page, menuButton)).toBe(false);
        await expectNoAxeViolations(page);
      }
    },
    // Eight axe-core runs, two of them over Web Chat: more than the default minute on a busy machine.
    180_000,
  );
});

describe('the chat on a phone', () => {
  it('starts with the conversation; the introduction and the privacy link are one step away', async () => {
    const page = await openOnPhone('/chat', 'fa');
    const about = page.locator('.chat__about');
    expect(await about.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    expect(await page.getByRole('link', { name: fa.chat.privacyLink }).isVisible()).toBe(false);
    await page.getByText(fa.phone.chatAbout).click();
    expect(await page.getByRole('link', { name: fa.chat.privacyLink }).isVisible()).toBe(true);
    // The introduction comes before the chat in the page as on the screen.
    const order = await page.evaluate(() => {
      const intro = document.querySelector('.chat__about');
      const chat = document.querySelector('.chat');
      return intro && chat ? intro.compareDocumentPosition(chat) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order).toBeTruthy();
  });

  it('shows the introduction open on a wide screen', async () => {
    const page = await openPage('/chat', { lang: 'de' });
    expect(await page.getByRole('link', { name: de.chat.privacyLink }).isVisible()).toBe(true);
  });
});

describe('the survey form on a phone', () => {
  it('never covers a field label with the "saved" bar while scrolling through the form', async () => {
    const invitation = await newInvitation();
    const page = await openOnPhone(invitation.path, 'de');
    await page.locator('form.survey-form').waitFor();
    // A change makes the bar say "saved", as while someone fills in the form.
    await page.locator('#q-contact-name').fill('Ana Beispiel');
    await page.locator('#q-contact-name').blur();
    await page.locator('#survey-save-status[data-status="saved"]').waitFor();

    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const covered: string[] = [];
    for (let y = 0; y <= height; y += 97) {
      covered.push(
        ...(await page.evaluate((top) => {
          window.scrollTo(0, top);
          const bar = document.querySelector('.survey-bar')?.getBoundingClientRect();
          if (!bar) return ['no bar'];
          return [...document.querySelectorAll('form.survey-form label, form.survey-form legend')]
            .map((label) => ({ label, box: label.getBoundingClientRect() }))
            .filter(({ box }) => box.height > 0 && box.bottom > 0 && box.top < window.innerHeight)
            .filter(({ box }) => box.top < bar.bottom && box.bottom > bar.top)
            .map(({ label }) => `${top}: ${label.textContent?.slice(0, 40)}`);
        }, y)),
      );
    }
    expect(covered).toEqual([]);
  });
});
