import { z } from 'zod';
import { auditActions, auditSubjects } from '../http/route';

/** An id as the audit trail stores it: path ids (UUIDs, slugs) and Cognito subs, never free text. */
const RecordedId = z.string().regex(/^[\w.:-]{1,128}$/);

/** One staff action on personal data: who, what (ids only), when; removed by TTL after the retention. */
export const AuditRecord = z.object({
  recordId: z.string(),
  /** ISO time of the answer. */
  at: z.string(),
  /** The staff member's Cognito `sub` (never the e-mail address). */
  staffId: z.string(),
  action: z.enum(auditActions),
  subject: z.enum(auditSubjects),
  /** The route's id in the route table (`exportWorkshopRegistrations`, …). */
  route: z.string(),
  /** The path's ids (`surveyId`, `interviewId`, …); never tokens, never content. */
  ids: z.record(z.string(), z.string()),
  /** The most specific of `ids`, for finding every record about one thing. */
  subjectId: z.string().optional(),
  /** When the record is deleted (ISO); the table's TTL removes it. */
  expiresOn: z.string(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditQuery = z
  .strictObject({
    /** A calendar month (UTC), `2026-11`; the current month when no other filter is given. */
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
    /** Every record of one staff member (Cognito `sub`), across months. */
    staffId: RecordedId.optional(),
    /** Every record about one id (a survey, an interview, a workshop), across months. */
    subjectId: RecordedId.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2048).optional(),
    lang: z.string().max(10).optional(),
  })
  .superRefine((query, context) => {
    // Each filter is one index: combining them would need a filter over a partition, not a Query.
    const given = [query.month, query.staffId, query.subjectId].filter((value) => value !== undefined);
    if (given.length > 1) {
      context.addIssue({ code: 'custom', path: ['staffId'], message: 'one filter at a time' });
    }
  });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({
  records: z.array(AuditRecord),
  /** Which filter this page answers: the month listed, or the staff member or id asked for. */
  month: z.string().optional(),
  cursor: z.string().optional(),
  /** How long records are kept, in days (the README says why). */
  retentionDays: z.number().int(),
});
export type AuditPage = z.infer<typeof AuditPage>;
