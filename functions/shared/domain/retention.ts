import { z } from 'zod';

/**
 * How long Wegweiser keeps each kind of item that holds personal data: the one place for every period
 * (README "Security and data protection" prints this table). Each item carries its end as the table's
 * TTL attribute (`expiresAt`, epoch seconds); DynamoDB deletes expired items only eventually (up to a
 * few days later), so every read ignores an item whose end has passed (`Store.get`/`query`).
 *
 * The periods a county must decide itself (`countyDecides`) can be set in the stage's county details
 * (`county.retention`); the others follow from how Wegweiser works and are fixed here.
 */
export const retentionCategories = {
  chatState: {
    days: 30,
    from: 'the last message of the conversation',
    why: 'come back to a question within a month; nobody’s chat lingers (the privacy notice says so)',
    countyDecides: false,
  },
  chatActivityClaim: {
    days: 1,
    from: 'the message',
    why: 'channels re-send a message within minutes; holds ids only',
    countyDecides: false,
  },
  unansweredQuestion: {
    days: 90,
    from: 'the question',
    why: 'a monthly review sees a gap that recurs over a quarter; anything the redaction missed goes',
    countyDecides: false,
  },
  surveyDraft: {
    days: 30,
    from: 'the survey’s close',
    why: 'a draft cannot be submitted after the close; submitted answers live on as the submission',
    countyDecides: true,
  },
  contactPerson: {
    days: 183,
    from: 'the survey’s close',
    why: 'questions about the answers and the invitation to an expert interview follow the survey',
    countyDecides: true,
  },
  surveyInvitation: {
    days: 1096,
    from: 'the survey’s close',
    why: 'the institution’s address invites it to the next wave (about every three years) and counts it in the response rate',
    countyDecides: true,
  },
  expert: {
    days: 183,
    from: 'the interview (or the invitation, while none is booked)',
    why: 'questions about the interview and the evaluation’s follow-up',
    countyDecides: true,
  },
  interviewerLock: {
    days: 30,
    from: 'the booked slot’s end',
    why: 'guards against double bookings; holds a hash of the interviewer’s address only',
    countyDecides: false,
  },
  workshopParticipant: {
    days: 90,
    from: 'the workshop’s end',
    why: 'the list of participants, questions and the documentation of the workshop',
    countyDecides: true,
  },
  idempotencyRecord: {
    days: 1,
    from: 'the request',
    why: 'a client retries within minutes; the stored answer may repeat what was sent',
    countyDecides: false,
  },
  outboxMail: {
    days: 30,
    from: 'sending (local stage only; the cloud sends through SES and keeps no copy)',
    why: 'developers read what the local stage "sent"',
    countyDecides: false,
  },
  auditRecord: {
    days: 730,
    from: 'the staff action',
    why: 'a person asking under Art. 15 across a survey wave, and the data-protection officer’s yearly review, can see who read, exported or erased their data; no longer, so the trail is no standing profile of staff members’ work',
    countyDecides: false,
  },
} as const satisfies Record<string, { days: number; from: string; why: string; countyDecides: boolean }>;

export type RetentionCategory = keyof typeof retentionCategories;
export const retentionCategoryNames = Object.keys(retentionCategories) as RetentionCategory[];

/** The periods, in days, in force: the defaults above with a county's own choices laid over them. */
export type RetentionPolicy = Record<RetentionCategory, number>;

const days = z.number().int().min(1).max(3653).optional();

/** What a county may set itself (whole days, at most ten years); the other periods are fixed above. */
export const RetentionSettings = z.strictObject({
  surveyDraft: days,
  contactPerson: days,
  surveyInvitation: days,
  expert: days,
  workshopParticipant: days,
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;

export const defaultRetention: RetentionPolicy = Object.fromEntries(
  retentionCategoryNames.map((name) => [name, retentionCategories[name].days]),
) as RetentionPolicy;

export function retentionPolicyOf(settings: RetentionSettings | undefined): RetentionPolicy {
  const chosen = Object.entries(settings ?? {}).filter(([, value]) => value !== undefined);
  return { ...defaultRetention, ...Object.fromEntries(chosen) };
}

const daySeconds = 24 * 60 * 60;

/**
 * The TTL value (epoch seconds) of an item of `category` whose period starts at `from` (an instant or
 * an ISO time such as a survey's `closesAt`).
 */
export function expiryOf(
  category: RetentionCategory,
  from: Date | string,
  policy: RetentionPolicy = defaultRetention,
): number {
  const start = typeof from === 'string' ? Date.parse(from) : from.getTime();
  return Math.floor(start / 1000) + policy[category] * daySeconds;
}

/**
 * Each kind of item (its `entity`) that holds personal data, or points at a person's record by a hash
 * of their address or by a link's token, with the category whose period it is kept for. The retention
 * test fails for any kind written without an end, and for any kind in neither list.
 */
export const personalDataEntities = {
  BotState: 'chatState',
  BotActivity: 'chatActivityClaim',
  UnansweredQuestion: 'unansweredQuestion',
  ResponseDraft: 'surveyDraft',
  ContactPerson: 'contactPerson',
  Invitation: 'surveyInvitation',
  InviteeGuard: 'surveyInvitation',
  InvitationToken: 'surveyInvitation',
  Interview: 'expert',
  InterviewReminderSent: 'expert',
  InterviewerLock: 'interviewerLock',
  WorkshopRegistration: 'workshopParticipant',
  WorkshopRegistrationToken: 'workshopParticipant',
  WorkshopInvitee: 'workshopParticipant',
  WorkshopInviteeToken: 'workshopParticipant',
  IdempotencyRecord: 'idempotencyRecord',
  OutboxMessage: 'outboxMail',
} as const satisfies Record<string, RetentionCategory>;

/** Kinds of item that hold no personal data, and why they are kept without an end. */
export const impersonalEntities = {
  Survey: 'the survey itself',
  ResponseSubmission:
    'an institution’s submitted answers (no contact person): the evaluation counts them; erasure keeps them without the person',
  Offering:
    'an institution’s offering for the public directory (an office’s address, never a private person’s)',
  InterviewRound: 'the round and its interviewers (staff members, not data subjects of this tool)',
  InterviewSlot: 'a time and the id of the interview holding it',
  InterviewToken: 'the hash of a booking link and two ids',
  InterviewSource: 'which response an interview came from (ids)',
  InterviewNotes: 'staff’s findings for the evaluation, written without the expert’s name',
  InterviewReminderDue: 'when a reminder is due (ids and times)',
  Workshop: 'the workshop itself',
  WorkshopCounter: 'places taken and waiting (counts)',
  AnswerFeedback: 'helpful / not helpful counts per day',
} as const;
