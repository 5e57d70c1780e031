import type { FunctionName } from '../functions/shared/http/route';

export type TableAccess = 'none' | 'read' | 'readWrite';

/** What a feature function may do besides writing its own logs. */
export interface FunctionAccess {
  table: TableAccess;
  /** Sends e-mail through SES, as the stage's `mailFrom` only. */
  sendsMail: boolean;
  /** Creates EventBridge Scheduler one-time schedules that invoke the function itself (reminders). */
  schedulesReminders?: true;
}

/**
 * Least privilege per feature function. `platform` answers from its environment, so it does not touch
 * the table; `staff` reads the audit trail for admins (and records that read). A new feature adds its line here when it needs less
 * than the default, or mail.
 */
const accessByFunction: Partial<Record<FunctionName, FunctionAccess>> = {
  platform: { table: 'none', sendsMail: false },
  staff: { table: 'readWrite', sendsMail: false },
  /** Invitations, reminders and confirmations go out by e-mail. */
  survey: { table: 'readWrite', sendsMail: true },
  offerings: { table: 'readWrite', sendsMail: false },
  /** The survey by chat sends the same confirmation e-mail as the form on submit. */
  chatbot: { table: 'readWrite', sendsMail: true },
  /** Booking links, confirmations with calendar invitations and reminders go out by e-mail. */
  interviews: { table: 'readWrite', sendsMail: true, schedulesReminders: true },
  /** Workshop announcements, registration confirmations and moves up from the waiting list. */
  workshops: { table: 'readWrite', sendsMail: true },
  /**
   * Counts what the survey, the interviews and the workshop wrote; it writes only the report's texts,
   * its publications and the idempotency records of publishing.
   */
  evaluation: { table: 'readWrite', sendsMail: false },
  /** Access and erasure of a person; erasing a workshop participant mails the person who moves up. */
  people: { table: 'readWrite', sendsMail: true },
};

/** Nearly every feature reads and writes its own items; mail must be asked for explicitly. */
export const defaultAccess: FunctionAccess = { table: 'readWrite', sendsMail: false };

export function accessOf(name: FunctionName): FunctionAccess {
  return accessByFunction[name] ?? defaultAccess;
}
