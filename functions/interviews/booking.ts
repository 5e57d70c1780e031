import { DomainError, notFound } from '../shared/domain/errors';
import { errorFields, logger } from '../shared/log/logger';
import type { MailMessage } from '../shared/mail/mailer';
import { hashToken } from '../survey/tokens';
import {
  type BookingChange,
  BookingRefused,
  contactExpiry,
  type InterviewRecord,
  type RoundRecord,
  type SlotRecord,
} from './interview-store';
import {
  type BookingChangeKind,
  cancellationMail,
  changeableUntil,
  confirmationMail,
  type InterviewLetter,
  interviewerMail,
  rescheduleMail,
} from './mails';
import { reminderTime } from './reminders';
import { bookingLink, type InterviewDeps } from './rounds';
import type { BookingView, ExpertView } from './schemas';

/** Contended transactions are retried this often before the caller gets a conflict. */
const maxAttempts = 12;

const isBooked = (interview: InterviewRecord) =>
  interview.state === 'booked' || interview.state === 'rescheduled';

/** Booking, cancelling and rescheduling end this many hours before the start (the round's cut-off). */
function changeable(round: RoundRecord, startsAt: string, now: Date): boolean {
  return now.getTime() < Date.parse(changeableUntil(round, startsAt));
}

interface Resolved {
  round: RoundRecord;
  interview: InterviewRecord;
}

async function resolve(deps: InterviewDeps, token: string): Promise<Resolved> {
  const found = await deps.interviews.findByToken(hashToken(token));
  const interview = found && (await deps.interviews.getInterview(found.roundId, found.interviewId));
  const round = interview && (await deps.interviews.getRound(interview.roundId));
  if (!interview || !round) throw notFound('interview');
  return { round, interview };
}

function bookingView(interview: InterviewRecord): BookingView {
  const slot = interview.slot;
  if (!slot || !interview.bookedAt) throw new Error('interview without booking');
  return {
    state: interview.state,
    slot,
    ...(interview.comment ? { comment: interview.comment } : {}),
    bookedAt: interview.bookedAt,
  };
}

const pause = (deps: InterviewDeps, attempt: number) =>
  (deps.pause ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms))))(
    Math.floor(Math.random() * 10 * (attempt + 1)),
  );

/** A committed change of a booking: what the expert and the interviewers are told. */
interface Committed {
  round: RoundRecord;
  interview: InterviewRecord;
  kind: BookingChangeKind;
  slot: { startsAt: string; endsAt: string };
  mail: (letter: InterviewLetter, slot: { startsAt: string; endsAt: string }) => MailMessage;
}

/** Mail and reminders follow a committed booking; failing them must not undo or hide the booking. */
async function afterChange(
  deps: InterviewDeps,
  token: string,
  { round, interview, kind, slot, mail }: Committed,
) {
  const now = deps.now();
  const letter: InterviewLetter = {
    round,
    interview,
    link: bookingLink(deps.publicBaseUrl, token, interview.expert.language),
    publicBaseUrl: deps.publicBaseUrl,
    organizer: deps.organizer,
    now,
  };
  for (const message of [mail(letter, slot), interviewerMail(letter, kind, slot)]) {
    try {
      await deps.mailer.send(message);
    } catch (error) {
      logger.error('interview mail failed', {
        interviewId: interview.interviewId,
        purpose: message.purpose,
        ...errorFields(error),
      });
    }
  }
  try {
    const at =
      interview.slot && isBooked(interview) ? reminderTime(round, interview.slot.startsAt, now) : undefined;
    if (at && interview.slot) {
      await deps.reminders.schedule({
        roundId: round.roundId,
        interviewId: interview.interviewId,
        startsAt: interview.slot.startsAt,
        at,
      });
    } else {
      await deps.reminders.cancel(interview.interviewId);
    }
  } catch (error) {
    logger.error('interview reminder not scheduled', {
      interviewId: interview.interviewId,
      ...errorFields(error),
    });
  }
}

export async function expertView(deps: InterviewDeps, token: string): Promise<ExpertView> {
  const { round, interview } = await resolve(deps, token);
  const now = deps.now();
  const slots = await deps.interviews.listSlots(round.roundId);
  const free = slots.filter((slot) => !slot.interviewId && changeable(round, slot.startsAt, now));
  // Times at which an interviewer is booked in another round are not offered (booking would refuse them).
  const busy = await deps.interviews.slotsWithBusyInterviewers(
    free,
    round.interviewers,
    interview.interviewId,
  );
  const canChange =
    interview.state === 'invited' ||
    interview.state === 'cancelled' ||
    (isBooked(interview) && !!interview.slot && changeable(round, interview.slot.startsAt, now));
  return {
    round: {
      topic: round.topic,
      durationMinutes: round.durationMinutes,
      location: round.location,
      interviewerNames: round.interviewers.map((interviewer) => interviewer.name),
      changeCutOffHours: round.changeCutOffHours,
    },
    interview: {
      state: interview.state,
      expertName: interview.expert.name,
      institution: interview.expert.institution,
      language: interview.expert.language,
      ...(interview.slot ? { slot: interview.slot } : {}),
      ...(interview.comment ? { comment: interview.comment } : {}),
      canChange,
      ...(interview.slot && isBooked(interview)
        ? { changeableUntil: changeableUntil(round, interview.slot.startsAt) }
        : {}),
    },
    freeSlots: free
      .filter((slot) => !busy.has(slot.slotId))
      .map(({ slotId, startsAt, endsAt }) => ({ slotId, startsAt, endsAt })),
  };
}

async function requireSlot(deps: InterviewDeps, roundId: string, slotId: string): Promise<SlotRecord> {
  const slot = await deps.interviews.getSlot(roundId, slotId);
  if (!slot)
    throw new DomainError('not_found', 'slot not found', [{ field: 'body.slotId', code: 'invalid' }]);
  return slot;
}

/** One attempt's answer: the result, and what was committed if this attempt wrote the change. */
type Attempt<T> = { result: T; committed?: Committed } | 'retry';

/**
 * Runs one attempt after another, each from a fresh read of the link's interview, until the store
 * accepts the change, refuses it for a reason the expert must hear (taken, busy), or the attempts run
 * out. Contention and a concurrent change of the same interview are retried, never by trusting an
 * earlier read. A committed change is then mailed and its reminder moved.
 */
async function changeBooking<T>(
  deps: InterviewDeps,
  token: string,
  attempt: (resolved: Resolved) => Promise<Attempt<T>>,
): Promise<T> {
  for (let round = 0; round < maxAttempts; round += 1) {
    const outcome = await attempt(await resolve(deps, token));
    if (outcome !== 'retry') {
      if (outcome.committed) await afterChange(deps, token, outcome.committed);
      return outcome.result;
    }
    await pause(deps, round);
  }
  throw new DomainError('conflict', 'booking contended');
}

/**
 * Writes one attempt's change in one transaction. A refusal other than a busy interviewer (the slot
 * taken by a twin of this request, the interview changed since it was read, contention) is retried.
 */
async function commit<T>(
  deps: InterviewDeps,
  round: RoundRecord,
  change: Omit<BookingChange, 'interviewers'>,
  result: T,
  notice: Omit<Committed, 'round' | 'interview'>,
): Promise<Attempt<T>> {
  try {
    await deps.interviews.changeBooking({ ...change, interviewers: round.interviewers });
  } catch (error) {
    if (!(error instanceof BookingRefused)) throw error;
    if (error.reason === 'interviewer_busy') throw new DomainError('interviewer_busy');
    return 'retry';
  }
  const interview = { ...change.after, version: change.before.version + 1 };
  return { result, committed: { round, interview, ...notice } };
}

/** The interview's new slot, if it is before the round's cut-off and free. */
function moveInto(round: RoundRecord, interview: InterviewRecord, slot: SlotRecord, now: Date) {
  if (!changeable(round, slot.startsAt, now)) throw new DomainError('cut_off_passed');
  if (slot.interviewId) throw new DomainError('slot_taken');
  return {
    slot: { slotId: slot.slotId, startsAt: slot.startsAt, endsAt: slot.endsAt },
    expiresAt: Math.max(interview.expiresAt, contactExpiry(slot.endsAt)),
  };
}

/**
 * Primary course:
 * 1. Resolve the link; a booking of this slot that already exists is returned as it is (a retried
 *    request gets the same booking).
 * 2. Refuse a slot past the round's cut-off, or one already held by someone else.
 * 3. In one transaction: take the slot if free, lock every interviewer's quarter hours (across all
 *    rounds), and move the interview from "invited"/"cancelled" to "booked" if nobody changed it since.
 * 4. E-mail the confirmation with a calendar invitation, and schedule the reminder.
 */
export async function book(
  deps: InterviewDeps,
  token: string,
  request: { slotId: string; comment?: string | undefined },
): Promise<BookingView> {
  return changeBooking(deps, token, async ({ round, interview }) => {
    if (isBooked(interview) && interview.slot?.slotId === request.slotId) {
      return { result: bookingView(interview) };
    }
    if (isBooked(interview)) throw new DomainError('invalid_state', 'already booked; reschedule instead');
    if (interview.state !== 'invited' && interview.state !== 'cancelled') {
      throw new DomainError('invalid_state', `interview is ${interview.state}`);
    }
    const slot = await requireSlot(deps, round.roundId, request.slotId);
    const now = deps.now();
    const after: InterviewRecord = {
      ...interview,
      ...moveInto(round, interview, slot, now),
      state: 'booked',
      comment: request.comment || undefined,
      bookedAt: now.toISOString(),
      cancelledAt: undefined,
      // The first calendar message has SEQUENCE 0; every later one for this UID counts up.
      sequence: interview.bookedAt ? interview.sequence + 1 : 0,
    };
    const view = bookingView(after);
    return commit(deps, round, { before: interview, after, take: slot }, view, {
      kind: 'booked',
      slot: view.slot,
      mail: confirmationMail,
    });
  });
}

/**
 * Primary course:
 * 1. Resolve the link; the interview must be booked, and both its time and the new one before the cut-off.
 * 2. In one transaction: take the new slot and its interviewer locks, release the old slot and locks,
 *    and update the interview; either all of it happens or nothing changes.
 * 3. E-mail the new time with a calendar update (same UID, next SEQUENCE), and move the reminder.
 */
export async function reschedule(
  deps: InterviewDeps,
  token: string,
  request: { slotId: string; comment?: string | undefined },
): Promise<BookingView> {
  return changeBooking(deps, token, async ({ round, interview }) => {
    if (!isBooked(interview) || !interview.slot) {
      throw new DomainError('invalid_state', `interview is ${interview.state}`);
    }
    if (interview.slot.slotId === request.slotId) return { result: bookingView(interview) };
    const now = deps.now();
    if (!changeable(round, interview.slot.startsAt, now)) throw new DomainError('cut_off_passed');
    const [slot, current] = await Promise.all([
      requireSlot(deps, round.roundId, request.slotId),
      requireSlot(deps, round.roundId, interview.slot.slotId),
    ]);
    const after: InterviewRecord = {
      ...interview,
      ...moveInto(round, interview, slot, now),
      state: 'rescheduled',
      comment: request.comment === undefined ? interview.comment : request.comment || undefined,
      bookedAt: now.toISOString(),
      sequence: interview.sequence + 1,
    };
    const view = bookingView(after);
    return commit(deps, round, { before: interview, after, take: slot, release: current }, view, {
      kind: 'rescheduled',
      slot: view.slot,
      mail: rescheduleMail,
    });
  });
}

/**
 * Primary course:
 * 1. Resolve the link; a cancelled interview answers as cancelled again (a retried request).
 * 2. Before the cut-off, in one transaction: free the slot, release the interviewer locks, mark the
 *    interview cancelled.
 * 3. E-mail the cancellation with a calendar CANCEL (same UID, next SEQUENCE); remove the reminder.
 */
export async function cancel(deps: InterviewDeps, token: string) {
  return changeBooking(deps, token, async ({ round, interview }) => {
    if (interview.state === 'cancelled' && interview.cancelledAt) {
      return { result: { state: 'cancelled' as const, cancelledAt: interview.cancelledAt } };
    }
    if (!isBooked(interview) || !interview.slot) {
      throw new DomainError('invalid_state', `interview is ${interview.state}`);
    }
    const now = deps.now();
    if (!changeable(round, interview.slot.startsAt, now)) throw new DomainError('cut_off_passed');
    const current = await requireSlot(deps, round.roundId, interview.slot.slotId);
    const after: InterviewRecord = {
      ...interview,
      state: 'cancelled',
      slot: undefined,
      cancelledAt: now.toISOString(),
      sequence: interview.sequence + 1,
    };
    const result = { state: 'cancelled' as const, cancelledAt: now.toISOString() };
    // Without a slot to take there are no locks to take, so no interviewer can be busy.
    return commit(deps, round, { before: interview, after, release: current }, result, {
      kind: 'cancelled',
      slot: current,
      mail: cancellationMail,
    });
  });
}
