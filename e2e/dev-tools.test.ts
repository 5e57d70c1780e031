import { describe, expect, inject, it } from 'vitest';
import type { z } from 'zod';
import de from '../content/messages/de.json';
import type { OutboxPage } from '../functions/dev/schemas';
import { expectNoPageProblems, openPage, waitForLoaded } from './support/pages';

describe('dev outbox', () => {
  it('shows what the outbox API holds: the empty state while nothing was sent', async () => {
    const response = await fetch(new URL('/api/dev/outbox?limit=20', inject('baseUrl')));
    const outbox = (await response.json()) as z.infer<typeof OutboxPage>;

    const page = await openPage('/dev/outbox');
    await waitForLoaded(page);

    if (outbox.messages.length === 0) {
      expect(await page.locator('main').textContent()).toContain(de.outbox.empty);
    } else {
      // Another test of the shared stack sent mail: the page must list exactly that.
      expect(await page.locator('.mail__subject').count()).toBe(outbox.messages.length);
    }
    expectNoPageProblems(page);
  });

  it('renders message text, subject and recipients as text, and attachments as downloads', async () => {
    // No API sends mail yet, so the browser is handed one outbox answer; under test is the page's rendering.
    const hostile = '<img src=x onerror="window.injected=true"><b>fett</b>';
    const page = await openPage('/');
    await page.route('**/api/dev/outbox?*', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          messages: [
            {
              messageId: 'm-1',
              sentAt: '2025-03-01T09:30:00.000Z',
              to: ['<script>alert(1)</script>@example.org'],
              subject: `Einladung ${hostile}`,
              text: `Guten Tag,\n${hostile}\nZeile drei`,
              language: 'de',
              purpose: 'survey-invitation',
              attachments: [
                {
                  filename: 'termin.ics',
                  contentType: 'text/calendar',
                  contentBase64: btoa('BEGIN:VCALENDAR'),
                },
              ],
            },
          ],
        }),
      }),
    );
    await page.locator('.footer-nav a[href="/dev/outbox"]').click();
    await page.getByTestId('mail-text').waitFor();

    expect(await page.getByTestId('mail-text').textContent()).toBe(`Guten Tag,\n${hostile}\nZeile drei`);
    expect(await page.locator('.mail__subject').textContent()).toContain(`Einladung ${hostile}`);
    expect(await page.locator('main img, main b, main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();

    const attachment = page.getByRole('link', { name: 'termin.ics' });
    expect(await attachment.getAttribute('href')).toMatch(/^blob:/);
    const [download] = await Promise.all([page.waitForEvent('download'), attachment.click()]);
    expect(download.suggestedFilename()).toBe('termin.ics');
  });
});

describe('dev outbox: links and directions', () => {
  it('shows web addresses as links and each mail in its own language and direction', async () => {
    const page = await openPage('/');
    await page.route('**/api/dev/outbox?*', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          messages: [
            {
              messageId: 'm-ar',
              sentAt: '2025-03-01T09:30:00.000Z',
              to: ['expertin@example.org'],
              subject: 'دعوة إلى مقابلة',
              text: 'مرحباً،\nاحجز موعدك هنا: https://wegweiser.example/interview#abc.\njavascript:alert(1)',
              language: 'ar',
              purpose: 'interview-invitation',
              attachments: [],
            },
          ],
        }),
      }),
    );
    await page.locator('.footer-nav a[href="/dev/outbox"]').click();
    const text = page.getByTestId('mail-text');
    await text.waitFor();
    expect(await text.getAttribute('dir')).toBe('rtl');
    expect(await text.getAttribute('lang')).toBe('ar');
    expect(await page.locator('.mail__subject bdi').getAttribute('dir')).toBe('rtl');
    const links = text.locator('a');
    expect(await links.count()).toBe(1);
    expect(await links.first().getAttribute('href')).toBe('https://wegweiser.example/interview#abc');
    expect(await text.textContent()).toContain('javascript:alert(1)');
    expect(await page.locator('main').textContent()).toContain('Arabisch');
    expectNoPageProblems(page);
  });
});

describe('API reference', () => {
  it('lists the operations of /api/openapi.json by tag, with access and schemas', async () => {
    const page = await openPage('/api-reference');
    await waitForLoaded(page);

    const titles = await page.locator('.operation__title').allInnerTexts();
    expect(titles).toContain('GET /api/health');
    expect(titles).toContain('GET /api/staff/me');
    expect(titles).toContain('POST /api/dev/sign-in');

    const me = page.locator('article', { has: page.getByRole('heading', { name: 'GET /api/staff/me' }) });
    expect(await me.textContent()).toContain(de.rolesAudit.accessKindMember);
    const success = me
      .locator('details', { has: page.getByText('application/json', { exact: true }) })
      .first();
    await success.locator('summary').click();
    const schema = JSON.parse((await success.locator('pre').textContent()) ?? '') as {
      properties?: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(['sub', 'groups', 'isAdmin']),
    );

    const tags = await page.locator('.api-tag > h2').allInnerTexts();
    expect(tags).toEqual(expect.arrayContaining(['Platform', 'Staff']));
    expectNoPageProblems(page);
  });
});
