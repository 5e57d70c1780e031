import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import ar from '../content/messages/ar.json';
import de from '../content/messages/de.json';
import { expectNoAxeViolations, expectNoPageProblems, url, waitForLoaded } from './support/pages';
import { callApi, openSignedIn, staffSession } from './support/staff';

const r = de.rolesAudit;
/** Unique per run: the e2e stack is shared by every test file. */
const run = randomUUID().slice(0, 8);
const contactEmail = `audit-${run}@vhs.example`;

describe('roles in the console', () => {
  it('lets staff read the chatbot’s knowledge but offers the edit to admins only, and hides the audit trail', async () => {
    const page = await openSignedIn('/staff/knowledge/when-finished', { role: 'staff' });
    await page.locator('#knowledge-answer').waitFor();
    expect(await page.getByTestId('admin-only-notice').textContent()).toBe(r.adminOnly);
    expect(await page.locator('#knowledge-answer').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: de.staffKnowledge.save, exact: true }).count()).toBe(0);
    expect(await page.locator('nav a[href="/staff/audit"]').count()).toBe(0);
    await expectNoAxeViolations(page);

    const audit = await openSignedIn('/staff/audit', { role: 'staff' });
    await audit.getByText(de.app.notFoundText).waitFor();
    expectNoPageProblems(page);
  });

  it('shows a refused call (403) as the API’s localized text with a retry, not a broken page', async () => {
    const staff = await staffSession('staff');
    const page = await openSignedIn('/staff/milestones', { role: 'staff', lang: 'ar' });
    // As if the member lost a group while signed in: the list answers with the API's real 403.
    await page.route('**/api/staff/milestones*', async (route) => {
      const refused = await fetch(url('/api/admin/audit?lang=ar'), {
        headers: { authorization: `Bearer ${staff.token}` },
      });
      await route.fulfill({
        status: refused.status,
        headers: { 'content-type': refused.headers.get('content-type') ?? '' },
        body: await refused.text(),
      });
    });
    await page.reload();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(ar.problems.forbidden.detail);
    expect(await alert.getByRole('button', { name: ar.app.retry }).count()).toBe(1);
    await expectNoAxeViolations(page);
  });
});

describe('the audit trail page (admins)', () => {
  it('lists who read contact persons, with ids only, found by the survey’s id', async () => {
    const admin = await staffSession('admin');
    const { surveyId } = await callApi<{ surveyId: string }>(
      'POST',
      '/api/staff/surveys',
      {
        title: `Audit ${run}`,
        opensAt: '2026-01-01T00:00:00Z',
        closesAt: '2099-01-01T00:00:00Z',
        openParticipation: false,
      },
      admin.token,
    );
    await callApi(
      'POST',
      `/api/staff/surveys/${surveyId}/invitations`,
      { institutionName: `VHS ${run}`, email: contactEmail },
      admin.token,
    );
    await callApi('GET', `/api/staff/surveys/${surveyId}/invitations`, undefined, admin.token);

    const page = await openSignedIn('/staff/audit');
    await waitForLoaded(page);
    expect(await page.locator('nav a[href="/staff/audit"]').textContent()).toBe(r.sectionTitle);
    await page.locator('#audit-subject').fill(surveyId);
    await page.getByRole('button', { name: r.show, exact: true }).click();
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().getAttribute('data-action')).toBe('read');
    const text = (await page.getByTestId('audit-table').textContent()) ?? '';
    expect(text).toContain(r.actions.read);
    expect(text).toContain(r.subjects.surveyContacts);
    expect(text).toContain(`surveyId: ${surveyId}`);
    expect(text).toContain(`(${r.you})`);
    expect(text).not.toContain(contactEmail);
    expect(text).not.toContain('admin@wegweiser.local');
    await expectNoAxeViolations(page);
    expectNoPageProblems(page);
  });
});
