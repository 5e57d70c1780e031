import { z } from 'zod';
import { DomainError } from '../domain/errors';
import { keys } from '../store/keys';
import { epochSeconds, type Store } from '../store/store';
import type { AuditRepository } from './audit-trail';
import { AuditRecord } from './schemas';

// The table's `entity` label is dropped by parsing with the plain schema afterwards (and the keys with it).
const AuditItem = AuditRecord.extend({ entity: z.literal('AuditRecord') });

/** The audit trail in the single table (see `keys.ts`): Put and Query only, removed by the table's TTL. */
export class AuditStore implements AuditRepository {
  constructor(private readonly store: Store) {}

  async add(record: AuditRecord): Promise<void> {
    await this.store.create({
      ...keys.auditRecord(record.at, record.recordId),
      ...keys.auditByStaff(record.staffId, record.at, record.recordId),
      ...(record.subjectId ? keys.auditBySubject(record.subjectId, record.at, record.recordId) : {}),
      ...record,
      entity: 'AuditRecord',
      expiresAt: epochSeconds(new Date(record.expiresOn)),
    });
  }

  async list(
    filter: { month: string } | { staffId: string } | { subjectId: string },
    page: { limit: number; cursor?: string | undefined },
  ) {
    const where =
      'staffId' in filter
        ? { partition: keys.auditByStaffPartition(filter.staffId), index: 'gsi1' as const }
        : 'subjectId' in filter
          ? { partition: keys.auditBySubjectPartition(filter.subjectId), index: 'gsi2' as const }
          : { partition: keys.auditMonthPartition(filter.month) };
    const result = await this.store
      .query(AuditItem, {
        ...where,
        newestFirst: true,
        limit: page.limit,
        ...(page.cursor ? { cursor: page.cursor } : {}),
      })
      .catch((error: unknown) => {
        // A readable cursor of another list (or made up) is refused by DynamoDB: bad input, not a fault.
        if (page.cursor && error instanceof Error && error.name === 'ValidationException') {
          throw new DomainError('validation', 'audit cursor of another list', [
            { field: 'query.cursor', code: 'invalid' },
          ]);
        }
        throw error;
      });
    return {
      records: result.items.map((item) => AuditRecord.parse(item)),
      ...(result.cursor ? { cursor: result.cursor } : {}),
    };
  }
}
