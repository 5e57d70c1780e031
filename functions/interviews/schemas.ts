import { z } from 'zod';
import { Finding, FindingInput } from '../shared/domain/findings';
import { languageCodes } from '../shared/i18n/languages';
import { offeringCategories } from '../survey/questionnaire';

/**
 * Expert interviews: staff open an interview round, publish slots, invite experts; experts book a slot
 * through their link. Every instant on the wire is UTC (`2026-03-10T08:00:00.000Z`); slots are planned
 * in a time zone (Europe/Berlin by default) and stored as UTC instants.
 */

export const RoundIdParams = z.strictObject({ roundId: z.uuid() });
/** A slot's id is its start in UTC, compact (`20260310T080000Z`): one slot per round and start. */
export const SlotId = z.string().regex(/^\d{8}T\d{6}Z$/);
export const SlotParams = z.strictObject({ roundId: z.uuid(), slotId: SlotId });
export const InterviewParams = z.strictObject({ roundId: z.uuid(), interviewId: z.uuid() });
export const SurveyIdParams = z.strictObject({ surveyId: z.uuid() });
/** The booking link's token: 144 random bits, base64url; only its hash is stored. */
export const BookingTokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/) });

/** Slots and interviewer locks lie on a quarter-hour grid; Berlin's offsets are whole hours, so UTC does too. */
export const lockUnitMinutes = 15;

const isoDate = z.iso.date();
/** A wall-clock time on the quarter hour, `09:00`, `13:45`. */
const quarterHour = z.string().regex(/^([01]\d|2[0-3]):(00|15|30|45)$/);
const timeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

export const interviewStates = [
  'invited',
  'booked',
  'rescheduled',
  'cancelled',
  'held',
  'written_up',
] as const;
export const InterviewState = z.enum(interviewStates);
export type InterviewState = z.infer<typeof InterviewState>;

/** An interviewer is a staff member, identified by the e-mail address they sign in with. */
export const Interviewer = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(120),
});
export type Interviewer = z.infer<typeof Interviewer>;

export const InterviewLocation = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('place'), address: z.string().trim().min(1).max(300) }),
  z.strictObject({ kind: z.literal('online'), url: z.url().max(500) }),
]);
export type InterviewLocation = z.infer<typeof InterviewLocation>;

/**
 * One booking writes one lock per interviewer and quarter hour; a reschedule releases and takes them in
 * the same transaction, which holds at most 100 items. 40 locks per side keeps it well below.
 */
const maxLocksPerBooking = 40;

export const CreateRoundRequest = z
  .strictObject({
    topic: z.string().trim().min(1).max(200),
    /** The survey the experts come from, if any. */
    surveyId: z.uuid().optional(),
    interviewers: z.array(Interviewer).min(1).max(4),
    durationMinutes: z.number().int().min(15).max(180).multipleOf(lockUnitMinutes),
    location: InterviewLocation,
    questionGuide: z.string().trim().max(10_000).default(''),
    /** Experts may book, cancel or reschedule until this many hours before the interview starts. */
    changeCutOffHours: z.number().int().min(0).max(336).default(24),
    /** The reminder goes out this many hours before the interview; 0 sends none. */
    reminderLeadHours: z.number().int().min(0).max(336).default(24),
  })
  .refine(
    (round) => round.interviewers.length * (round.durationMinutes / lockUnitMinutes) <= maxLocksPerBooking,
    {
      path: ['durationMinutes'],
      params: { reason: 'too_many_interviewer_locks' },
    },
  )
  .refine(
    (round) =>
      new Set(round.interviewers.map((i) => i.email.toLowerCase())).size === round.interviewers.length,
    { path: ['interviewers'], params: { reason: 'duplicate' } },
  );
export type CreateRoundRequest = z.infer<typeof CreateRoundRequest>;

export const RoundView = z.object({
  roundId: z.uuid(),
  topic: z.string(),
  surveyId: z.string().optional(),
  interviewers: z.array(Interviewer),
  durationMinutes: z.number().int(),
  location: InterviewLocation,
  questionGuide: z.string(),
  changeCutOffHours: z.number().int(),
  reminderLeadHours: z.number().int(),
  createdAt: z.string(),
});
export type RoundView = z.infer<typeof RoundView>;

export const RoundList = z.object({ rounds: z.array(RoundView) });

/**
 * Slots to publish, planned in wall-clock time of `timeZone`. Each slot lasts the round's duration.
 * `recurring`: on the given ISO weekdays (1 = Monday … 7 = Sunday) from `fromDate` to `untilDate`
 * inclusive, back to back from `dayStart` while a slot still ends by `dayEnd` ("Tuesdays 9–12").
 */
export const CreateSlotsRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('single'),
    date: isoDate,
    start: quarterHour,
    timeZone: timeZone.default('Europe/Berlin'),
  }),
  z
    .strictObject({
      kind: z.literal('recurring'),
      weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
      fromDate: isoDate,
      untilDate: isoDate,
      dayStart: quarterHour,
      dayEnd: z.string().regex(/^(([01]\d|2[0-3]):(00|15|30|45)|24:00)$/),
      /** A pause after each interview, on the quarter-hour grid the interviewers' locks use. */
      bufferMinutes: z.number().int().min(0).max(120).multipleOf(lockUnitMinutes).optional(),
      timeZone: timeZone.default('Europe/Berlin'),
    })
    .refine((request) => request.untilDate >= request.fromDate, {
      path: ['untilDate'],
      params: { reason: 'before_from_date' },
    })
    .refine((request) => Date.parse(request.untilDate) - Date.parse(request.fromDate) <= 366 * 86_400_000, {
      path: ['untilDate'],
      params: { reason: 'range_too_long' },
    })
    .refine((request) => request.dayEnd > request.dayStart, {
      path: ['dayEnd'],
      params: { reason: 'before_day_start' },
    }),
]);
export type CreateSlotsRequest = z.infer<typeof CreateSlotsRequest>;

/** Who booked a slot, as staff see it in the calendar. */
export const SlotBooking = z.object({
  interviewId: z.uuid(),
  expertName: z.string(),
  institution: z.string(),
  state: InterviewState,
});

export const SlotView = z.object({
  slotId: SlotId,
  roundId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  free: z.boolean(),
  /** Only in staff answers. */
  booking: SlotBooking.optional(),
});
export type SlotView = z.infer<typeof SlotView>;

export const CreatedSlots = z.object({
  created: z.array(SlotView),
  /** Starts that already had a slot in this round (creating slots again changes nothing). */
  existing: z.array(z.string()),
  /** Days the plan covered that got no slot: a public holiday or one of the county's closing days. */
  skippedDays: z.array(z.object({ date: z.string(), reason: z.enum(['holiday', 'closing_day']) })),
});

export const CalendarQuery = z.strictObject({
  lang: z.string().max(10).optional(),
  /** Inclusive start and exclusive end of the range (UTC instants); default: the whole round. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const interviewSources = ['manual', 'survey'] as const;

/** A booked slot's times, kept on the interview. */
export const BookedSlot = z.object({ slotId: SlotId, startsAt: z.string(), endsAt: z.string() });

/** Personal data: the expert and how to write to them. */
export const Expert = z.object({
  name: z.string(),
  email: z.string(),
  institution: z.string(),
  language: z.enum(languageCodes),
});

export const InterviewView = z.object({
  interviewId: z.uuid(),
  roundId: z.uuid(),
  state: InterviewState,
  expert: Expert,
  topics: z.array(z.enum(offeringCategories)),
  source: z.object({
    kind: z.enum(interviewSources),
    surveyId: z.string().optional(),
    responseInvitationId: z.string().optional(),
  }),
  /** The booked slot, while there is one. */
  slot: BookedSlot.optional(),
  comment: z.string().optional(),
  invitedAt: z.string(),
  bookedAt: z.string().optional(),
  cancelledAt: z.string().optional(),
  heldAt: z.string().optional(),
  writtenUpAt: z.string().optional(),
  /** The version for writing notes (optimistic locking). */
  version: z.number().int(),
});
export type InterviewView = z.infer<typeof InterviewView>;

export const Calendar = z.object({
  round: RoundView,
  slots: z.array(SlotView),
  /** Every interview of the round; booked ones whose slot lies outside the range are left out. */
  interviews: z.array(InterviewView),
});

export const InviteExpertRequest = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email: z.email().max(254),
  institution: z.string().trim().min(1).max(200),
  topics: z.array(z.enum(offeringCategories)).max(offeringCategories.length).default([]),
  language: z.enum(languageCodes).default('de'),
});
export type InviteExpertRequest = z.infer<typeof InviteExpertRequest>;

/** One click from a survey response whose institution agreed to be interviewed. */
export const InviteFromSurveyRequest = z.strictObject({
  surveyId: z.uuid(),
  /** The survey invitation the response belongs to. */
  responseInvitationId: z.uuid(),
});

/** The booking link is shown once, to the staff member who invited; it is also e-mailed. */
export const IssuedInterviewInvitation = z.object({ interview: InterviewView, link: z.url() });

/** A submitted survey response whose institution is willing to be interviewed. */
export const InterviewCandidate = z.object({
  surveyId: z.uuid(),
  responseInvitationId: z.uuid(),
  institution: z.string(),
  contactName: z.string(),
  email: z.string(),
  language: z.enum(languageCodes),
  topics: z.array(z.enum(offeringCategories)),
  topicsOther: z.string(),
  submittedAt: z.string(),
  /** Rounds this response was already invited to. */
  invitedToRounds: z.array(z.uuid()),
});
export const InterviewCandidates = z.object({ candidates: z.array(InterviewCandidate) });

export const WriteNotesRequest = z.strictObject({
  notes: z.string().max(50_000),
  findings: z.array(FindingInput).max(100),
  /** Marks the interview as written up (it must have been held). */
  writtenUp: z.boolean().default(false),
  /** The interview's version the notes are based on; a stale one gets 409. */
  version: z.number().int().min(1).max(1_000_000),
});

export const InterviewNotes = z.object({
  interview: InterviewView,
  notes: z.string(),
  findings: z.array(Finding),
  updatedAt: z.string().optional(),
});

// ---- the expert's side (public, by token) -------------------------------------------------------

export const ExpertView = z.object({
  round: z.object({
    topic: z.string(),
    durationMinutes: z.number().int(),
    location: InterviewLocation,
    interviewerNames: z.array(z.string()),
    changeCutOffHours: z.number().int(),
  }),
  interview: z.object({
    state: InterviewState,
    expertName: z.string(),
    institution: z.string(),
    language: z.enum(languageCodes),
    slot: BookedSlot.optional(),
    comment: z.string().optional(),
    /** Whether booking, cancelling or rescheduling is still allowed (before the cut-off). */
    canChange: z.boolean(),
    /** Until when the current booking may be changed. */
    changeableUntil: z.string().optional(),
  }),
  /** Free slots from now plus the cut-off on, earliest first. */
  freeSlots: z.array(BookedSlot),
});
export type ExpertView = z.infer<typeof ExpertView>;

export const BookRequest = z.strictObject({
  slotId: SlotId,
  comment: z.string().trim().max(1000).optional(),
});

export const RescheduleRequest = BookRequest;

export const BookingView = z.object({
  state: InterviewState,
  slot: BookedSlot,
  comment: z.string().optional(),
  bookedAt: z.string(),
});
export type BookingView = z.infer<typeof BookingView>;

export const CancelledView = z.object({ state: z.literal('cancelled'), cancelledAt: z.string() });

/**
 * The event EventBridge Scheduler (cloud) or the local scheduler sends when a reminder is due. Not an
 * HTTP request: the interviews Lambda tells it apart by `source`.
 */
export const ReminderEvent = z.strictObject({
  source: z.literal('wegweiser.interview-reminder'),
  roundId: z.uuid(),
  interviewId: z.uuid(),
  /** The booked start the reminder was scheduled for; a reminder for an older booking is dropped. */
  startsAt: z.iso.datetime(),
});
export type ReminderEvent = z.infer<typeof ReminderEvent>;
