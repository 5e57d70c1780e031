import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signIn, useSignedInStack } from '../../../local/testing/local-stack';
import { keys } from '../store/keys';
import { epochSeconds } from '../store/store';
import { auditRetentionDays } from './audit-trail';
import type { AuditPage } from './schemas';

const contactEmail = 'kontakt-audit@vhs.example';

describe('the audit trail through the local server on DynamoDB Local', () => {
  const stack = useSignedInStack('admin');

  const send = (method: string, path: string, body?: unknown, headers = stack.staff) =>
    fetch(`${stack.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });

  async function auditPage(query: string, headers = stack.staff) {
    const response = await send('GET', `/api/admin/audit?${query}`, undefined, headers);
    return { status: response.status, body: (await response.json()) as AuditPage };
  }

  async function invitedSurvey() {
    const created = await send('POST', '/api/staff/surveys', {
      title: 'Audit',
      opensAt: '2026-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
      openParticipation: false,
    });
    expect(created.status).toBe(201);
    const { surveyId } = (await created.json()) as { surveyId: string };
    const invited = await send('POST', `/api/staff/surveys/${surveyId}/invitations`, {
      institutionName: 'VHS Audit',
      email: contactEmail,
    });
    expect(invited.status).toBe(201);
    const listed = await send('GET', `/api/staff/surveys/${surveyId}/invitations`);
    expect(listed.status).toBe(200);
    return surveyId;
  }

  it('records who changed and read contact persons, with ids only, and lets admins find it by id', async () => {
    const surveyId = await invitedSurvey();
    const { status, body } = await auditPage(`subjectId=${surveyId}`);
    expect(status).toBe(200);
    expect(body.retentionDays).toBe(auditRetentionDays);
    // Newest first: the list, then the invitation.
    expect(body.records.map((record) => [record.action, record.subject, record.route])).toEqual([
      ['read', 'surveyContacts', 'GET /api/staff/surveys/{surveyId}/invitations'],
      ['change', 'surveyContacts', 'POST /api/staff/surveys/{surveyId}/invitations'],
    ]);
    for (const record of body.records) {
      expect(record.ids).toEqual({ surveyId });
      expect(record.staffId).not.toContain('@');
    }
    const text = JSON.stringify(body.records);
    expect(text).not.toContain(contactEmail);
    expect(text).not.toContain('wegweiser.local');
    expect(text).not.toContain('VHS Audit');
  });

  it('stores each record with the table TTL set to the retention period', async () => {
    const surveyId = await invitedSurvey();
    const { body } = await auditPage(`subjectId=${surveyId}`);
    const [record] = body.records;
    if (!record) throw new Error('no audit record');
    const stored = await stack.store.get(
      keys.auditRecord(record.at, record.recordId),
      z.object({ expiresAt: z.number() }).passthrough(),
    );
    const expected = epochSeconds(new Date(record.at)) + auditRetentionDays * 24 * 60 * 60;
    expect(stored?.expiresAt).toBe(expected);
    expect(JSON.stringify(stored)).not.toContain(contactEmail);
  });

  it('lists a staff member’s records and a month’s, and records that an admin read the trail', async () => {
    await invitedSurvey();
    const me = (await (await send('GET', '/api/staff/me')).json()) as { sub: string };
    const byStaff = await auditPage(`staffId=${me.sub}&limit=2`);
    expect(byStaff.status).toBe(200);
    expect(byStaff.body.records).toHaveLength(2);
    expect(byStaff.body.cursor).toBeDefined();
    const next = await auditPage(`staffId=${me.sub}&limit=2&cursor=${byStaff.body.cursor}`);
    expect(next.body.records[0]?.recordId).not.toBe(byStaff.body.records[0]?.recordId);
    const month = new Date().toISOString().slice(0, 7);
    const byMonth = await auditPage(`month=${month}`);
    expect(byMonth.body.month).toBe(month);
    expect(byMonth.body.records.some((record) => record.subject === 'auditTrail')).toBe(true);
    expect(byMonth.body.records.every((record) => record.at.startsWith(month))).toBe(true);
  });

  it('refuses the trail to staff (403) and to callers without a token (401), and two filters at once', async () => {
    const staff = {
      authorization: `Bearer ${await signIn(stack.url, 'staff')}`,
      'content-type': 'application/json',
    };
    expect((await auditPage('', staff)).status).toBe(403);
    expect((await auditPage('', {} as Record<string, string>)).status).toBe(401);
    const both = await send('GET', '/api/admin/audit?staffId=a&subjectId=b');
    expect(both.status).toBe(400);
    const foreignCursor = Buffer.from(JSON.stringify({ pk: 'SURVEYS', sk: 'x' })).toString('base64url');
    const cursor = await send('GET', `/api/admin/audit?month=2026-01&cursor=${foreignCursor}`);
    expect(cursor.status).toBe(400);
  });
});
