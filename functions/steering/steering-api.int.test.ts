import { describe, expect, it } from 'vitest';
import de from '../../content/messages/de.json';
import en from '../../content/messages/en.json';
import { signIn, useSignedInStack } from '../../local/testing/local-stack';

interface Priority {
  priorityId: string;
  version: number;
  status: string;
}
interface Measure {
  measureId: string;
  version: number;
}
interface Problem {
  type: string;
  errors?: { field: string; code: string; reason: string }[];
}

describe('steering API through the local server', () => {
  const stack = useSignedInStack('steering');

  async function call<T>(method: string, path: string, body?: unknown, headers = stack.staff) {
    const response = await fetch(`${stack.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  const priority = {
    texts: {
      de: { title: 'Sprachkurse im Süden', description: 'Mehr Kurse rund um Ochsenfurt' },
      ar: { title: 'دورات اللغة في الجنوب', description: '' },
    },
    justification: {
      needs: ['language'],
      findings: [{ source: 'interview', findingId: 'finding-42' }],
      gapCells: [{ need: 'language', column: 'ochsenfurt' }],
    },
    status: 'adopted',
  };

  it('lets a steering member record a priority and a measure, and the public status shows them without names', async () => {
    const created = await call<Priority>('POST', '/api/staff/steering/priorities', priority);
    expect(created.status).toBe(201);
    const measure = await call<Measure>('POST', '/api/staff/steering/measures', {
      texts: { de: { title: 'Abendkurs Deutsch B1' } },
      priorityId: created.body.priorityId,
      owner: 'Bildungsbüro des Landratsamts',
      partners: ['VHS Ochsenfurt'],
      timeframe: { from: '2027-01', to: '2027-07' },
      status: 'in_progress',
    });
    expect(measure.status).toBe(201);

    const status = await call<{
      priorities: { title: string; textLanguage: string; measures: { title: string; owner: string }[] }[];
      measureCounts: Record<string, number>;
      evaluations: unknown[];
    }>('GET', '/api/concept/status?lang=ar', undefined, {});
    expect(status.status).toBe(200);
    const shown = status.body.priorities.find((candidate) => candidate.title === 'دورات اللغة في الجنوب');
    expect(shown?.textLanguage).toBe('ar');
    expect(shown?.measures).toEqual([
      expect.objectContaining({ title: 'Abendkurs Deutsch B1', owner: 'Bildungsbüro des Landratsamts' }),
    ]);
    expect(status.body.measureCounts.in_progress).toBeGreaterThanOrEqual(1);
    expect(status.body.evaluations).toEqual([]);
    expect(JSON.stringify(status.body)).not.toMatch(/wegweiser\.local|changedBy|"sub"/);
  });

  it('answers a retried create with the same Idempotency-Key with the first priority', async () => {
    const headers = { ...stack.staff, 'idempotency-key': 'steering-retry-0001' };
    const first = await call<Priority>('POST', '/api/staff/steering/priorities', priority, headers);
    const again = await call<Priority>('POST', '/api/staff/steering/priorities', priority, headers);
    expect(again.status).toBe(201);
    expect(again.body.priorityId).toBe(first.body.priorityId);
  });

  it('lets staff read but not write, and refuses anonymous callers', async () => {
    const staff = {
      authorization: `Bearer ${await signIn(stack.url, 'staff')}`,
      'content-type': 'application/json',
    };
    const created = await call<Priority>('POST', '/api/staff/steering/priorities', priority);
    const read = await call<{ priorities: Priority[] }>(
      'GET',
      '/api/staff/steering/priorities',
      undefined,
      staff,
    );
    expect(read.status).toBe(200);
    expect(read.body.priorities.map((item) => item.priorityId)).toContain(created.body.priorityId);
    expect((await call('POST', '/api/staff/steering/priorities', priority, staff)).status).toBe(403);
    expect(
      (
        await call(
          'PUT',
          `/api/staff/steering/priorities/${created.body.priorityId}`,
          { ...priority, expectedVersion: 1 },
          staff,
        )
      ).status,
    ).toBe(403);
    const anonymous = { 'content-type': 'application/json' };
    expect((await call('GET', '/api/staff/steering/priorities', undefined, anonymous)).status).toBe(401);
    expect((await call('POST', '/api/staff/steering/measures', {}, anonymous)).status).toBe(401);
  });

  it('refuses a stale version with 409 and keeps who changed what and when', async () => {
    const created = await call<Priority>('POST', '/api/staff/steering/priorities', priority);
    const path = `/api/staff/steering/priorities/${created.body.priorityId}`;
    const changed = await call<Priority>('PUT', path, {
      ...priority,
      status: 'completed',
      expectedVersion: 1,
    });
    expect(changed.body.version).toBe(2);
    const stale = await call<Problem>('PUT', path, { ...priority, status: 'dropped', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('/problems/version-conflict');

    const me = await call<{ sub: string }>('GET', '/api/staff/me');
    const history = await call<{
      changes: { action: string; changedBy: string; changedAt: string; fields: string[] }[];
    }>('GET', `${path}/history`);
    expect(history.body.changes.map((change) => [change.action, change.changedBy])).toEqual([
      ['created', me.body.sub],
      ['updated', me.body.sub],
    ]);
    expect(history.body.changes[1]?.fields).toEqual(['status']);
    expect(Number.isNaN(Date.parse(history.body.changes[1]?.changedAt ?? ''))).toBe(false);
  });

  it('answers bad input with a localized 400 naming the field', async () => {
    const german = await call<Problem>('POST', '/api/staff/steering/measures?lang=de', {
      texts: { de: { title: '' } },
      priorityId: 'not-an-id',
      owner: 'Amt',
      timeframe: { from: '2027-05', to: '2027-01' },
    });
    expect(german.status).toBe(400);
    expect(german.body.errors).toEqual(
      expect.arrayContaining([
        {
          field: 'body.texts.de.title',
          code: 'too_short',
          reason: de.validation.too_short.replace('{minimum}', '1'),
        },
        { field: 'body.priorityId', code: 'invalid_format_uuid', reason: de.validation.invalid_format_uuid },
        {
          field: 'body.timeframe.to',
          code: 'closes_before_opening',
          reason: de.validation.closes_before_opening,
        },
      ]),
    );
    const english = await call<Problem>('POST', '/api/staff/steering/priorities?lang=en', {
      ...priority,
      justification: { gapCells: [{ need: 'language', column: 'atlantis' }] },
    });
    expect(english.status).toBe(400);
    expect(english.body.errors?.[0]).toMatchObject({
      field: 'body.justification.gapCells.0.column',
      code: 'invalid_option',
    });
    expect(english.body.errors?.[0]?.reason).toContain(en.validation.invalid_option.slice(0, 20));
  });
});
