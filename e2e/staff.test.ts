import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import de from '../content/messages/de.json';
import { expectNoPageProblems, openPage, sharedBrowser, signInThroughForm } from './support/pages';
import { staffSession } from './support/staff';

const password = 'wegweiser-demo';

async function storedSession(page: Page) {
  return page.evaluate(() => sessionStorage.getItem('wegweiser.staffSession'));
}

describe('staff console', () => {
  it('signs the demo admin in through the dev form, shows e-mail and role, and signs out', async () => {
    const page = await openPage('/staff');
    expect(await page.locator('h1').textContent()).toBe(de.staff.signInTitle);

    await signInThroughForm(page, 'admin@wegweiser.local', password);
    await page.getByTestId('staff-email').waitFor();

    expect(await page.locator('h1').textContent()).toBe(de.staff.consoleTitle);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.getByTestId('staff-email').textContent()).toBe(
      de.staff.signedInAs.replace('{email}', 'admin@wegweiser.local'),
    );
    expect(await page.getByTestId('staff-role').textContent()).toBe(de.staff.roleAdmin);
    const sections = page.getByRole('navigation', { name: de.staff.consoleNavigation });
    expect(await sections.getByRole('link').allInnerTexts()).toEqual([
      de.staff.overviewTitle,
      de.staffSurvey.sectionTitle,
      de.review.sectionTitle,
      de.staffInterviews.sectionTitle,
      de.workshopStaff.sectionTitle,
      de.staffKnowledge.sectionTitle,
      de.staffMilestones.sectionTitle,
      de.staffGaps.sectionTitle,
      de.evaluationPage.sectionTitle,
      de.steering.sectionTitle,
      de.rolesAudit.sectionTitle,
      de.peopleData.sectionTitle,
    ]);
    expect(await storedSession(page)).toContain('"via":"dev"');

    await page.reload();
    await page.getByTestId('staff-email').waitFor();

    await page.getByRole('button', { name: de.staff.signOut }).click();
    await page.getByText(de.staff.signedOut).waitFor();
    expect(await page.locator('h1').textContent()).toBe(de.staff.signInTitle);
    expect(await storedSession(page)).toBeNull();
    expectNoPageProblems(page);
  });

  it('shows a staff member without admin rights their role', async () => {
    const page = await openPage('/staff');

    await signInThroughForm(page, 'staff@wegweiser.local', password);
    await page.getByTestId('staff-role').waitFor();

    expect(await page.getByTestId('staff-role').textContent()).toBe(de.staff.roleStaff);
    // The audit trail is the admins' section only.
    const sections = page.getByRole('navigation', { name: de.staff.consoleNavigation });
    expect(await sections.getByRole('link').allInnerTexts()).not.toContain(de.rolesAudit.sectionTitle);
  });

  it('explains a wrong password next to the form, tied to the fields', async () => {
    const page = await openPage('/staff');

    await signInThroughForm(page, 'admin@wegweiser.local', 'not-the-password');
    const error = page.locator('#sign-in-error');
    await error.waitFor();

    expect(await error.textContent()).toBe(de.staff.signInFailed);
    expect(await error.getAttribute('role')).toBe('alert');
    const password = page.getByLabel(de.staff.passwordLabel);
    expect(await password.getAttribute('aria-describedby')).toContain('sign-in-error');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await storedSession(page)).toBeNull();
    // The refused sign-in is an expected 401 in the console, nothing else.
    expectNoPageProblems(page, [/401/]);
  });

  it('asks for missing fields before sending anything', async () => {
    const page = await openPage('/staff');
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/dev/sign-in')) requests.push(request.url());
    });

    await page.getByRole('button', { name: de.staff.signIn }).click();

    expect(await page.locator('#sign-in-email-error').textContent()).toBe(de.validation.required);
    expect(await page.getByLabel(de.staff.emailLabel).getAttribute('aria-describedby')).toBe(
      'sign-in-email-error',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-email');
    expect(requests).toEqual([]);
  });

  it('drops a session the API no longer accepts and asks to sign in again', async () => {
    const page = await openPage('/');
    await page.evaluate(() =>
      sessionStorage.setItem(
        'wegweiser.staffSession',
        JSON.stringify({
          token: 'not-a-token',
          expiresAt: new Date(Date.now() + 60_000).toISOString(),
          via: 'dev',
        }),
      ),
    );

    await page.locator('.main-nav a[href="/staff"]').click();
    await page.getByText(de.staff.sessionExpired).waitFor();

    expect(await page.locator('h1').textContent()).toBe(de.staff.signInTitle);
    expect(await storedSession(page)).toBeNull();
  });
});

describe('Cognito sign-in (hosted UI stood in for by the test)', () => {
  const hostedUi = 'https://login.example.test';
  const clientId = 'test-client-id';

  it('signs in with authorization code and PKCE, and signs out through the hosted UI', async () => {
    const baseUrl = inject('baseUrl');
    // The cloud's CSP allows the hosted UI in connect-src; the local one has no hosted UI to allow.
    const context = await (await sharedBrowser()).newContext({ locale: 'de-DE', bypassCSP: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.route('**/api/site', async (route) => {
      const site = await (await route.fetch()).json();
      await route.fulfill({
        json: { ...site, staffSignIn: { kind: 'cognito', domain: hostedUi, clientId } },
      });
    });
    let authorize: URL | undefined;
    await page.route(`${hostedUi}/oauth2/authorize?*`, async (route) => {
      authorize = new URL(route.request().url());
      const callback = new URL('/staff/callback', baseUrl);
      callback.search = new URLSearchParams({
        code: 'the-code',
        state: authorize.searchParams.get('state') ?? '',
      }).toString();
      await route.fulfill({ status: 302, headers: { location: callback.href } });
    });
    let exchange: URLSearchParams | undefined;
    const idToken = (await staffSession()).token;
    await page.route(`${hostedUi}/oauth2/token`, async (route) => {
      exchange = new URLSearchParams(route.request().postData() ?? '');
      await route.fulfill({
        headers: { 'access-control-allow-origin': new URL(baseUrl).origin },
        json: { id_token: idToken, access_token: 'unused', expires_in: 3600, token_type: 'Bearer' },
      });
    });
    let logout: URL | undefined;
    await page.route(`${hostedUi}/logout?*`, async (route) => {
      logout = new URL(route.request().url());
      await route.fulfill({ status: 302, headers: { location: new URL('/staff', baseUrl).href } });
    });

    await page.goto(new URL('/staff', baseUrl).href);
    await page.getByRole('button', { name: de.staff.signInWithCognito }).click();
    await page.getByTestId('staff-email').waitFor();

    expect(authorize?.searchParams.get('client_id')).toBe(clientId);
    expect(authorize?.searchParams.get('response_type')).toBe('code');
    expect(authorize?.searchParams.get('redirect_uri')).toBe(new URL('/staff/callback', baseUrl).href);
    expect(authorize?.searchParams.get('code_challenge_method')).toBe('S256');
    const verifier = exchange?.get('code_verifier') ?? '';
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(
      authorize?.searchParams.get('code_challenge'),
    );
    expect(exchange?.get('grant_type')).toBe('authorization_code');
    expect(exchange?.get('code')).toBe('the-code');
    expect(new URL(page.url()).pathname).toBe('/staff');
    expect(await page.getByTestId('staff-role').textContent()).toBe(de.staff.roleAdmin);
    expect(await storedSession(page)).toContain('"via":"cognito"');

    await page.getByRole('button', { name: de.staff.signOut }).click();
    await page.getByRole('button', { name: de.staff.signInWithCognito }).waitFor();
    expect(logout?.searchParams.get('logout_uri')).toBe(new URL('/staff', baseUrl).href);
    expect(await storedSession(page)).toBeNull();
    await context.close();
  });

  it('refuses a callback that does not belong to a sign-in started in this tab', async () => {
    const page = await openPage('/staff/callback?code=forged&state=forged');

    await page.getByText(de.staff.callbackFailed).waitFor();

    expect(await storedSession(page)).toBeNull();
    expect(await page.getByRole('link', { name: de.staff.backToSignIn }).getAttribute('href')).toBe('/staff');
  });
});
