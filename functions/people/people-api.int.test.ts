import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signIn, useSignedInStack } from '../../local/testing/local-stack';
import { DynamoDbStorage } from '../chatbot/adapter/dynamodb-storage';
import { PersonErasure, PersonExport } from './schemas';

describe('the people routes over HTTP (local server, DynamoDB Local)', { timeout: 60_000 }, () => {
  const admin = useSignedInStack('admin');

  async function post(path: string, body: unknown, headers: Record<string, string>) {
    return fetch(`${admin.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  }

  it('lets an admin export and erase a chat user, and refuses staff and steering members', async () => {
    const conversationId = `conv-${randomUUID()}`;
    await new DynamoDbStorage(admin.store).write({
      [`webchat/conversations/${conversationId}`]: { wegweiser: { language: 'de' } },
    });
    const person = { kind: 'chatUser', conversationId };

    for (const role of ['staff', 'steering'] as const) {
      const token = await signIn(admin.url, role);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      expect((await post('/api/admin/people/export', person, headers)).status, role).toBe(403);
      expect((await post('/api/admin/people/erase', person, headers)).status, role).toBe(403);
    }
    expect(
      (await post('/api/admin/people/export', person, { 'content-type': 'application/json' })).status,
    ).toBe(401);

    const exported = PersonExport.parse(
      await (await post('/api/admin/people/export', person, admin.staff)).json(),
    );
    expect(exported.items.map((item) => item.entity)).toEqual(['BotState']);
    const erased = PersonErasure.parse(
      await (await post('/api/admin/people/erase', person, admin.staff)).json(),
    );
    expect(erased.deleted).toBe(1);
    const again = PersonExport.parse(
      await (await post('/api/admin/people/export', person, admin.staff)).json(),
    );
    expect(again.items).toEqual([]);

    // Both are in the audit trail, found by the person's id, with ids only
    const trail = (await (
      await fetch(`${admin.url}/api/admin/audit?subjectId=${encodeURIComponent(conversationId)}`, {
        headers: admin.staff,
      })
    ).json()) as { records: { action: string; subject: string; ids: Record<string, string> }[] };
    expect(trail.records.map((record) => record.action).sort()).toEqual(['erase', 'export', 'export']);
    for (const record of trail.records) {
      expect(record.subject).toBe('person');
      expect(record.ids).toEqual({ conversationId });
    }
  });

  it('answers bad input with a 400 naming the field', async () => {
    const response = await post('/api/admin/people/export', { kind: 'expert', roundId: 'x' }, admin.staff);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('roundId');
  });
});
