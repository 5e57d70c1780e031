import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { z } from 'zod';
import de from '../content/messages/de.json';
import type { SiteInfo } from '../functions/platform/schemas';
import { expectNoHorizontalScroll, expectNoPageProblems, openPage, waitForLoaded } from './support/pages';

async function siteInfo(): Promise<z.infer<typeof SiteInfo>> {
  const response = await fetch(new URL('/api/site', inject('baseUrl')));
  return (await response.json()) as z.infer<typeof SiteInfo>;
}

async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not visible`);
  return found;
}

async function htmlLangDir(page: Page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

describe('languages', () => {
  it('offers every language the API lists, each by its own name and marked with its language', async () => {
    const { languages } = await siteInfo();
    const page = await openPage('/');
    await waitForLoaded(page);

    const offered = await page
      .locator('.language-switch a')
      .evaluateAll((links) =>
        links.map((link) => ({ text: link.textContent, lang: link.getAttribute('lang') })),
      );

    expect(offered).toEqual(languages.map((language) => ({ text: language.endonym, lang: language.code })));
    expect(await page.locator('.language-switch a[aria-current="true"]').getAttribute('lang')).toBe('de');
    expectNoPageProblems(page);
  });

  it('switches to Arabic right to left, mirrors the layout, and keeps Arabic after a reload', async () => {
    const page = await openPage('/');
    await waitForLoaded(page);
    const ltr = { name: await box(page, '.site-name'), languages: await box(page, '.language-switch') };
    const ltrHome = await box(page, '.main-nav a[href="/"]');
    expect(await htmlLangDir(page)).toEqual({ lang: 'de', dir: 'ltr' });
    expect(ltr.languages.x).toBeGreaterThan(ltr.name.x + ltr.name.width);

    await page.locator('.language-switch a[lang="ar"]').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');

    expect(await htmlLangDir(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    const rtl = { name: await box(page, '.site-name'), languages: await box(page, '.language-switch') };
    const rtlHome = await box(page, '.main-nav a[href="/"]');
    // The site name moves to the right edge, the language switch to the left, the first nav item too.
    expect(rtl.languages.x + rtl.languages.width).toBeLessThan(rtl.name.x);
    expect(rtl.name.x).toBeGreaterThan(ltr.name.x);
    expect(rtlHome.x).toBeGreaterThan(ltrHome.x + 600);
    expect(await page.locator('.language-switch a[aria-current="true"]').getAttribute('lang')).toBe('ar');

    await page.reload();
    await page.locator('h1').waitFor();
    expect(await htmlLangDir(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expectNoPageProblems(page);
  });

  it('takes the language from ?lang= over the browser language and keeps the address in step', async () => {
    const page = await openPage('/imprint', { lang: 'fa', locale: 'en-US' });
    expect(await htmlLangDir(page)).toEqual({ lang: 'fa', dir: 'rtl' });

    await page.locator('.language-switch a[lang="tr"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'tr');

    expect(new URL(page.url()).searchParams.get('lang')).toBe('tr');
    expect(await htmlLangDir(page)).toEqual({ lang: 'tr', dir: 'ltr' });
  });
});

describe('legal pages', () => {
  it('shows the county details from /api/site in the imprint, with the placeholder notice locally', async () => {
    const { county, stage } = await siteInfo();
    const page = await openPage('/imprint');
    await waitForLoaded(page);
    const main = await page.locator('main').textContent();

    for (const field of ['authority', 'street', 'representedBy', 'phone', 'email', 'vatId'] as const) {
      expect(main, field).toContain(county[field]);
    }
    expect(main).toContain(county.supervisoryAuthority);
    expect(stage).toBe('local');
    expect(main).toContain(de.legal.placeholderNotice);
    expect(await page.title()).toBe(`${de.legal.imprintTitle} – ${de.app.name}`);
  });

  it('names the accessibility feedback contact and the data protection officer', async () => {
    const { county } = await siteInfo();
    const accessibility = await openPage('/accessibility');
    await waitForLoaded(accessibility);
    expect(await accessibility.getByTestId('accessibility-contact').textContent()).toBe(
      county.accessibilityContact,
    );

    const privacy = await openPage('/privacy');
    await waitForLoaded(privacy);
    expect(await privacy.locator('main').textContent()).toContain(county.dataProtectionOfficer);
  });
});

describe('navigation', () => {
  it('moves between pages without reloading, focuses the new heading and names the tab', async () => {
    const page = await openPage('/');
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    await page.locator('.footer-nav a[href="/privacy"]').click();
    await page.waitForFunction(
      (title) => document.querySelector('h1')?.textContent === title,
      de.legal.privacyTitle,
    );

    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.title()).toBe(`${de.legal.privacyTitle} – ${de.app.name}`);
    expect(await page.locator('.footer-nav a[aria-current="page"]').getAttribute('href')).toBe('/privacy');

    await page.goBack();
    await page.waitForFunction((title) => document.querySelector('h1')?.textContent === title, de.home.title);
    expect(await page.locator('h1').count()).toBe(1);
  });

  it('offers a skip link as the first stop for the keyboard, leading to the main content', async () => {
    const page = await openPage('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(de.app.skipToContent);

    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('shows the not-found page for an unknown address', async () => {
    const page = await openPage('/no-such-page');
    expect(await page.locator('h1').textContent()).toBe(de.app.notFoundTitle);
  });

  it.each(['/', '/imprint', '/privacy', '/survey', '/api-reference', '/staff', '/dev/outbox'])(
    'fits %s into 320 px without horizontal scrolling',
    async (path) => {
      const page = await openPage(path, { viewport: { width: 320, height: 640 } });
      await waitForLoaded(page);
      await expectNoHorizontalScroll(page);
    },
  );
});

describe('survey entry', () => {
  it('leads from the invitation code to the questionnaire page, which holds the form root', async () => {
    const page = await openPage('/survey');

    await page.getByLabel(de.survey.tokenLabel).fill('https://wegweiser.example/survey?lang=de#demo-code-42');
    await page.getByRole('button', { name: de.survey.open }).click();
    await page.locator('#survey-form-root').waitFor();

    expect(new URL(page.url()).pathname).toBe('/survey');
    expect(new URL(page.url()).hash).toBe('#demo-code-42');
    expect(await page.locator('#survey-form-root').getAttribute('data-invitation-token')).toBe(
      'demo-code-42',
    );
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, { timeout: 3000 });
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('explains an empty code next to the field', async () => {
    const page = await openPage('/survey');

    await page.getByRole('button', { name: de.survey.open }).click();

    const field = page.getByLabel(de.survey.tokenLabel);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error')) ?? '';
    expect(await page.locator(`#${errorId}`).textContent()).toBe(de.validation.required);
    expect(new URL(page.url()).pathname).toBe('/survey');
  });
});
