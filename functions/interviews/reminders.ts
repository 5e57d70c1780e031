import { logger } from '../shared/log/logger';
import type { Mailer } from '../shared/mail/mailer';
import type { CalendarPerson } from './ics';
import type { InterviewStore, ReminderDueRecord, RoundRecord } from './interview-store';
import { reminderMail } from './mails';
import type { ReminderEvent } from './schemas';

/** One interview's reminder: when to send it, and for which booked start. */
export interface ScheduledReminder {
  roundId: string;
  interviewId: string;
  startsAt: string;
  at: Date;
}

/**
 * Sends a `ReminderEvent` at a time: EventBridge Scheduler one-time schedules in the cloud, due items
 * in the table and the local server's timer locally. An interview has at most one reminder;
 * scheduling again replaces it.
 */
export interface ReminderScheduler {
  schedule(reminder: ScheduledReminder): Promise<void>;
  /** Removes the interview's reminder; nothing happens if there is none. */
  cancel(interviewId: string): Promise<void>;
}

/** When the round reminds of an interview starting at `startsAt`; none if that time has passed or is off. */
export function reminderTime(round: RoundRecord, startsAt: string, now: Date): Date | undefined {
  if (round.reminderLeadHours === 0) return undefined;
  const at = new Date(Date.parse(startsAt) - round.reminderLeadHours * 3_600_000);
  return at.getTime() > now.getTime() ? at : undefined;
}

export function reminderEventOf(reminder: {
  roundId: string;
  interviewId: string;
  startsAt: string;
}): ReminderEvent {
  return {
    source: 'wegweiser.interview-reminder',
    roundId: reminder.roundId,
    interviewId: reminder.interviewId,
    startsAt: reminder.startsAt,
  };
}

export interface ReminderDeps {
  interviews: InterviewStore;
  mailer: Mailer;
  now: () => Date;
  publicBaseUrl: string;
  organizer: CalendarPerson;
}

export type ReminderOutcome = 'sent' | 'already_sent' | 'outdated';

/**
 * Primary course:
 * 1. Load the interview; a reminder for a booking that was cancelled or moved is outdated and dropped.
 * 2. Claim the reminder of this booked start with a conditional write; a second delivery (a retry, a
 *    restarted scheduler, a duplicate event) finds the claim and sends nothing.
 * 3. Send it; if sending fails, give the claim back so the next delivery sends it.
 */
export async function sendReminder(deps: ReminderDeps, event: ReminderEvent): Promise<ReminderOutcome> {
  const interview = await deps.interviews.getInterview(event.roundId, event.interviewId);
  const round = await deps.interviews.getRound(event.roundId);
  const booked = interview?.state === 'booked' || interview?.state === 'rescheduled';
  if (!interview || !round || !booked || interview.slot?.startsAt !== event.startsAt) return 'outdated';
  const slot = interview.slot;
  const now = deps.now();
  if (!(await deps.interviews.claimReminder(interview.interviewId, slot.startsAt, now.toISOString()))) {
    return 'already_sent';
  }
  try {
    await deps.mailer.send(
      reminderMail(
        { round, interview, publicBaseUrl: deps.publicBaseUrl, organizer: deps.organizer, now },
        slot,
      ),
    );
  } catch (error) {
    await deps.interviews.releaseReminderClaim(interview.interviewId, slot.startsAt);
    throw error;
  }
  logger.info('interview reminder sent', { interviewId: interview.interviewId });
  return 'sent';
}

/** The local stage's scheduler: one due item per interview on gsi1, read by `runDueReminders`. */
export class TableReminderScheduler implements ReminderScheduler {
  constructor(private readonly interviews: InterviewStore) {}

  schedule(reminder: ScheduledReminder): Promise<void> {
    return this.interviews.putReminderDue({
      roundId: reminder.roundId,
      interviewId: reminder.interviewId,
      startsAt: reminder.startsAt,
      dueAt: reminder.at.toISOString(),
    });
  }

  cancel(interviewId: string): Promise<void> {
    return this.interviews.deleteReminderDue(interviewId);
  }
}

/**
 * Delivers every reminder due by `now` (a Query on gsi1, no Scan) and then removes its due item. A
 * crash between delivering and removing delivers it again after a restart, which the claim in
 * `sendReminder` turns into nothing.
 */
export async function runDueReminders(
  interviews: InterviewStore,
  deliver: (event: ReminderEvent) => Promise<unknown>,
  now: Date,
): Promise<number> {
  let delivered = 0;
  for (;;) {
    const due: ReminderDueRecord[] = await interviews.dueReminders(now);
    if (due.length === 0) return delivered;
    for (const reminder of due) {
      await deliver(reminderEventOf(reminder));
      await interviews.completeReminderDue(reminder);
      delivered += 1;
    }
  }
}
