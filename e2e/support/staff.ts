import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import de from '../../content/messages/de.json';
import type { Language } from '../../functions/shared/i18n/languages';
import { accessTokenHeaders } from '../../functions/shared/links/token-links';
import { openPage, signInThroughForm, url, waitForLoaded } from './pages';

/** What the dev sign-in returns and the console keeps in sessionStorage. */
export interface StaffSession {
  token: string;
  expiresAt: string;
}

/**
 * Calls the API of the shared e2e stack; fails with method, path, status and body on any non-2xx answer.
 * `token` signs in as staff; `linkToken` is a survey, booking or registration link's token.
 */
export async function callApi<T>(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  linkToken?: string,
): Promise<T> {
  const response = await fetch(url(path), {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(linkToken ? accessTokenHeaders(linkToken) : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export type DemoRole = 'admin' | 'staff' | 'steering';

const sessions = new Map<DemoRole, StaffSession>();

/** A demo account's session through the dev sign-in, made once per test file and role. */
export async function staffSession(role: DemoRole = 'admin'): Promise<StaffSession> {
  const known = sessions.get(role);
  if (known) return known;
  const response = await fetch(url('/api/dev/sign-in'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${role}@wegweiser.local`, password: 'wegweiser-demo' }),
  });
  expect(response.status).toBe(200);
  const session = (await response.json()) as StaffSession;
  sessions.set(role, session);
  return session;
}

export interface SignedInOptions {
  lang?: Language;
  width?: number;
  role?: DemoRole;
}

/** Opens a console page already signed in (the session the sign-in form would have stored). */
export async function openSignedIn(path: string, options: SignedInOptions = {}): Promise<Page> {
  const lang = options.lang ?? 'de';
  const { token, expiresAt } = await staffSession(options.role);
  const page = await openPage('/', { lang, viewport: { width: options.width ?? 1280, height: 900 } });
  await page.evaluate(
    (value) => sessionStorage.setItem('wegweiser.staffSession', JSON.stringify({ ...value, via: 'dev' })),
    { token, expiresAt },
  );
  const target = new URL(url(path));
  target.searchParams.set('lang', lang);
  await page.goto(target.href);
  await page.getByTestId('staff-email').waitFor();
  await waitForLoaded(page);
  return page;
}

/** Signs the demo admin in through the sign-in form on /staff, as a person would (German). */
export async function signInAsAdminThroughForm(): Promise<Page> {
  const page = await openPage('/staff');
  await signInThroughForm(page, 'admin@wegweiser.local', 'wegweiser-demo');
  await page.getByTestId('staff-email').waitFor();
  return page;
}

/** Follows the console navigation (German) to a section and waits for its heading and its data. */
export async function goToConsoleSection(page: Page, section: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: de.staff.consoleNavigation })
    .getByRole('link', { name: section })
    .click();
  await page.getByRole('heading', { name: heading }).waitFor();
  await waitForLoaded(page);
}

/** An offering in the staff review queue. */
export interface ReviewEntry {
  offeringId: string;
  title: string;
  version: number;
  status: string;
}

/** The staff review queue with the given status (`pending`, `approved`, …), through the API. */
export async function reviewQueue(status: string): Promise<ReviewEntry[]> {
  const token = (await staffSession()).token;
  return (
    await callApi<{ offerings: ReviewEntry[] }>(
      'GET',
      `/api/staff/offerings?status=${status}`,
      undefined,
      token,
    )
  ).offerings;
}

/** Approves an offering through the API, as a reviewer would in the console. */
export async function approveOffering(entry: ReviewEntry): Promise<void> {
  const token = (await staffSession()).token;
  await callApi(
    'POST',
    `/api/staff/offerings/${entry.offeringId}/approve`,
    { version: entry.version },
    token,
  );
}
