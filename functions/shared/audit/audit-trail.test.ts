import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { httpHandler } from '../http/handler';
import { RawResponse, type RouteContract } from '../http/route';
import { httpEvent, testContext } from '../http/testing';
import { type AuditRepository, auditRecordOf, auditRetentionDays } from './audit-trail';
import type { AuditRecord } from './schemas';

class MemoryTrail implements AuditRepository {
  records: AuditRecord[] = [];
  failing = false;
  async add(record: AuditRecord) {
    if (this.failing) throw new Error('table unavailable');
    this.records.push(record);
  }
  async list() {
    return { records: this.records };
  }
}

const exportRoute = {
  method: 'GET',
  path: '/api/staff/workshops/{workshopId}/registrations/export',
  function: 'workshops',
  access: 'admin',
  audit: { action: 'export', subject: 'workshopParticipants' },
  summary: 'test',
  tag: 'test',
  params: z.strictObject({ workshopId: z.string() }),
  response: { mediaType: 'text/csv' },
} satisfies RouteContract;

const routeKey = 'GET /api/staff/workshops/{workshopId}/registrations/export';
const admin = { sub: 'sub-admin-1', email: 'admin@example.org', 'cognito:groups': '[staff admin]' };
const csv = 'name;email\nErika Muster;erika@example.org\n';

function call(trail: MemoryTrail, handle = async () => new RawResponse(csv, 'text/csv')) {
  const handler = httpHandler(exportRoute, handle, { auditTrail: () => trail });
  return handler(httpEvent({ routeKey, claims: admin, pathParameters: { workshopId: 'ws-1' } }), testContext);
}

describe('the audit trail of staff actions on personal data', () => {
  it('records who exported what and when, with ids only: no e-mail, no content', async () => {
    const trail = new MemoryTrail();
    const response = await call(trail);
    expect(response.statusCode).toBe(200);
    expect(trail.records).toHaveLength(1);
    const [record] = trail.records;
    expect(record).toMatchObject({
      staffId: 'sub-admin-1',
      action: 'export',
      subject: 'workshopParticipants',
      route: routeKey,
      ids: { workshopId: 'ws-1' },
      subjectId: 'ws-1',
    });
    const stored = JSON.stringify(record);
    for (const personal of ['admin@example.org', 'Erika', 'erika@example.org']) {
      expect(stored).not.toContain(personal);
    }
  });

  it('withholds the export when its record cannot be written', async () => {
    const trail = new MemoryTrail();
    trail.failing = true;
    const response = await call(trail);
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('Erika');
  });

  it('records nothing when the use case failed or the caller was refused', async () => {
    const trail = new MemoryTrail();
    const failed = await call(trail, async () => {
      throw new Error('store down');
    });
    expect(failed.statusCode).toBe(500);
    const handler = httpHandler(exportRoute, async () => new RawResponse(csv, 'text/csv'), {
      auditTrail: () => trail,
    });
    const refused = await handler(
      httpEvent({
        routeKey,
        claims: { sub: 'sub-staff-1', 'cognito:groups': '[staff]' },
        pathParameters: { workshopId: 'ws-1' },
      }),
      testContext,
    );
    expect(refused.statusCode).toBe(403);
    expect(trail.records).toEqual([]);
  });

  it('keeps path ids only: tokens and languages are not ids, and the record expires after the retention', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const record = auditRecordOf(
      {
        staffId: 'sub-1',
        action: 'read',
        subject: 'interviewNotes',
        route: 'GET /x',
        pathParameters: { roundId: 'r-1', interviewId: 'i-1', token: 'secret-token', language: 'de' },
        at,
      },
      'rec-1',
    );
    expect(record.ids).toEqual({ roundId: 'r-1', interviewId: 'i-1' });
    expect(record.subjectId).toBe('i-1');
    expect(JSON.stringify(record)).not.toContain('secret-token');
    const days = (new Date(record.expiresOn).getTime() - at.getTime()) / 86_400_000;
    expect(days).toBe(auditRetentionDays);
  });
});
