import { retentionCategories } from '../domain/retention';
import type { AuditAction, AuditSubject } from '../http/route';
import type { AuditPage, AuditQuery, AuditRecord } from './schemas';

/**
 * Audit records are kept for two years: long enough to answer a person's request under Art. 15 GDPR
 * (who saw or exported my data?) across a whole survey wave and the data-protection officer's yearly
 * review, and short enough not to keep a standing profile of staff members' work (staff data too).
 */
export const auditRetentionDays = retentionCategories.auditRecord.days;

/** Where the records live; `audit-store.ts` is the single table's, tests may bring their own. */
export interface AuditRepository {
  add(record: AuditRecord): Promise<void>;
  list(
    filter: { month: string } | { staffId: string } | { subjectId: string },
    page: { limit: number; cursor?: string | undefined },
  ): Promise<{ records: AuditRecord[]; cursor?: string | undefined }>;
}

/** What the handler chain knows after a successful answer. */
export interface AuditEvent {
  staffId: string;
  action: AuditAction;
  subject: AuditSubject;
  route: string;
  /** The request's path parameters; only the ids among them are kept. */
  pathParameters: Readonly<Record<string, string | undefined>>;
  at: Date;
}

/** A path parameter is kept only if it is an id: `{token}` is a credential, `{language}` says nothing. */
function isIdParameter(name: string): boolean {
  return /Id$/.test(name);
}

/** Builds the record: ids only (never a body, a query, a token or an address), with its expiry. */
export function auditRecordOf(event: AuditEvent, recordId: string): AuditRecord {
  const ids: Record<string, string> = {};
  let subjectId: string | undefined;
  for (const [name, value] of Object.entries(event.pathParameters)) {
    if (value === undefined || !isIdParameter(name)) continue;
    ids[name] = value;
    // Path templates go from the general to the specific (survey → invitation), so the last id wins.
    subjectId = value;
  }
  const expiresOn = new Date(event.at.getTime() + auditRetentionDays * 24 * 60 * 60 * 1000);
  return {
    recordId,
    at: event.at.toISOString(),
    staffId: event.staffId,
    action: event.action,
    subject: event.subject,
    route: event.route,
    ids,
    ...(subjectId !== undefined ? { subjectId } : {}),
    expiresOn: expiresOn.toISOString(),
  };
}

export async function recordAudit(
  repository: AuditRepository,
  event: AuditEvent,
  newId: () => string = () => crypto.randomUUID(),
): Promise<AuditRecord> {
  const record = auditRecordOf(event, newId());
  await repository.add(record);
  return record;
}

/** The admins' view of the trail: one month, one staff member or one id, newest first. */
export async function listAuditRecords(
  repository: AuditRepository,
  query: AuditQuery,
  now: Date,
): Promise<AuditPage> {
  const filter = query.staffId
    ? { staffId: query.staffId }
    : query.subjectId
      ? { subjectId: query.subjectId }
      : { month: query.month ?? now.toISOString().slice(0, 7) };
  const page = await repository.list(filter, { limit: query.limit, cursor: query.cursor });
  return {
    records: page.records,
    ...('month' in filter ? { month: filter.month } : {}),
    ...(page.cursor ? { cursor: page.cursor } : {}),
    retentionDays: auditRetentionDays,
  };
}
