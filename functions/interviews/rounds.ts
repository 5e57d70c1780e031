import type { z } from 'zod';
import type { CountyCalendar } from '../shared/domain/county-calendar';
import { DomainError, notFound } from '../shared/domain/errors';
import type { Finding } from '../shared/domain/findings';
import type { RetentionPolicy } from '../shared/domain/retention';
import { tokenLink, tokenPages } from '../shared/links/token-links';
import { logger } from '../shared/log/logger';
import type { Mailer } from '../shared/mail/mailer';
import { keys } from '../shared/store/keys';
import { SubmissionRecord, type SurveyStore } from '../survey/survey-store';
import { hashToken } from '../survey/tokens';
import type { CalendarPerson } from './ics';
import {
  contactExpiry,
  type InterviewRecord,
  type InterviewStore,
  type NotesRecord,
  type RoundRecord,
  type SlotRecord,
} from './interview-store';
import { invitationMail } from './mails';
import type { ReminderScheduler } from './reminders';
import type {
  CreateRoundRequest,
  CreateSlotsRequest,
  InterviewCandidate as InterviewCandidateSchema,
  InterviewView,
  InviteExpertRequest,
  RoundView,
  SlotView,
  WriteNotesRequest,
} from './schemas';
import { planSlots } from './slots';

type InterviewCandidate = z.infer<typeof InterviewCandidateSchema>;

export interface InterviewDeps {
  interviews: InterviewStore;
  surveys: SurveyStore;
  mailer: Mailer;
  reminders: ReminderScheduler;
  now: () => Date;
  newId: () => string;
  newToken: () => string;
  publicBaseUrl: string;
  /** The sender, named as the organizer in calendar invitations. */
  organizer: CalendarPerson;
  /** Holidays and closing days that get no slots; without it, Bavaria's and the default closing days. */
  calendar?: CountyCalendar;
  /** Pause between retries of a contended booking; tests may pass one that does not wait. */
  pause?: (milliseconds: number) => Promise<void>;
  /** The county's retention periods; the defaults of `retentionCategories` when not given. */
  retention?: RetentionPolicy;
}

export function roundView(round: RoundRecord): RoundView {
  const { createdBy: _createdBy, ...view } = round;
  return view;
}

export function interviewView(interview: InterviewRecord): InterviewView {
  const { tokenHash: _tokenHash, expiresAt: _expiresAt, sequence: _sequence, ...view } = interview;
  return view;
}

/** The expert's link to book, reschedule or cancel, in the language the expert is written to in. */
export function bookingLink(publicBaseUrl: string, token: string, language: string): string {
  return tokenLink(publicBaseUrl, tokenPages.interview, token, language);
}

export async function requireRound(deps: Pick<InterviewDeps, 'interviews'>, roundId: string) {
  const round = await deps.interviews.getRound(roundId);
  if (!round) throw notFound('interview round');
  return round;
}

async function requireInterview(
  deps: Pick<InterviewDeps, 'interviews'>,
  roundId: string,
  interviewId: string,
) {
  const interview = await deps.interviews.getInterview(roundId, interviewId);
  if (!interview) throw notFound('interview');
  return interview;
}

export async function createRound(
  deps: InterviewDeps,
  request: CreateRoundRequest,
  staffId: string,
): Promise<RoundView> {
  const round: RoundRecord = {
    roundId: deps.newId(),
    ...request,
    interviewers: request.interviewers.map((interviewer) => ({
      ...interviewer,
      email: interviewer.email.trim().toLowerCase(),
    })),
    createdAt: deps.now().toISOString(),
    createdBy: staffId,
  };
  await deps.interviews.createRound(round);
  return roundView(round);
}

/**
 * Primary course:
 * 1. Plan the slots in the request's time zone (wall-clock times kept across daylight-saving changes).
 * 2. Write each slot unless the round has one at that start already: its key is its start, so a
 *    repeated request creates nothing twice.
 */
export async function createSlots(deps: InterviewDeps, roundId: string, request: CreateSlotsRequest) {
  const round = await requireRound(deps, roundId);
  const { slots: planned, skipped } = planSlots(request, round.durationMinutes, deps.calendar);
  const created: SlotView[] = [];
  const existing: string[] = [];
  const batchSize = 10;
  for (let index = 0; index < planned.length; index += batchSize) {
    await Promise.all(
      planned.slice(index, index + batchSize).map(async (slot) => {
        const record: SlotRecord = { roundId, ...slot };
        if (await deps.interviews.createSlot(record)) created.push({ ...slot, roundId, free: true });
        else existing.push(slot.startsAt);
      }),
    );
  }
  created.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  existing.sort();
  return { created, existing, skippedDays: skipped };
}

export async function removeSlot(deps: InterviewDeps, roundId: string, slotId: string): Promise<void> {
  await requireRound(deps, roundId);
  await deps.interviews.removeFreeSlot(roundId, slotId);
}

/** The round's slots (with who booked them) and interviews between `from` and `to`, for the calendar. */
export async function calendar(deps: InterviewDeps, roundId: string, range: { from?: string; to?: string }) {
  const round = await requireRound(deps, roundId);
  const from = range.from ? Date.parse(range.from) : Number.NEGATIVE_INFINITY;
  const to = range.to ? Date.parse(range.to) : Number.POSITIVE_INFINITY;
  const inRange = (startsAt: string) => Date.parse(startsAt) >= from && Date.parse(startsAt) < to;
  const [slots, interviews] = await Promise.all([
    deps.interviews.listSlots(roundId),
    deps.interviews.listInterviews(roundId),
  ]);
  const byId = new Map(interviews.map((interview) => [interview.interviewId, interview]));
  return {
    round: roundView(round),
    slots: slots
      .filter((slot) => inRange(slot.startsAt))
      .map((slot): SlotView => {
        const holder = slot.interviewId ? byId.get(slot.interviewId) : undefined;
        return {
          slotId: slot.slotId,
          roundId: slot.roundId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          free: !slot.interviewId,
          ...(holder
            ? {
                booking: {
                  interviewId: holder.interviewId,
                  expertName: holder.expert.name,
                  institution: holder.expert.institution,
                  state: holder.state,
                },
              }
            : {}),
        };
      }),
    interviews: interviews
      .filter((interview) => !interview.slot || inRange(interview.slot.startsAt))
      .sort((a, b) => (a.slot?.startsAt ?? '~').localeCompare(b.slot?.startsAt ?? '~'))
      .map(interviewView),
  };
}

/**
 * Primary course:
 * 1. Make the interview in state "invited" with a new link; only the token's hash is stored.
 * 2. E-mail the link in the expert's language.
 * 3. Show the link once to the staff member who invited.
 */
async function invite(
  deps: InterviewDeps,
  round: RoundRecord,
  expert: InterviewRecord['expert'],
  topics: InterviewRecord['topics'],
  source: InterviewRecord['source'],
) {
  const token = deps.newToken();
  const now = deps.now();
  const interview: InterviewRecord = {
    interviewId: deps.newId(),
    roundId: round.roundId,
    state: 'invited',
    expert,
    topics,
    source,
    tokenHash: hashToken(token),
    invitedAt: now.toISOString(),
    sequence: 0,
    version: 1,
    expiresAt: contactExpiry(now.toISOString(), deps.retention),
  };
  await deps.interviews.createInterview(interview);
  const link = bookingLink(deps.publicBaseUrl, token, expert.language);
  await deps.mailer.send(
    invitationMail({
      round,
      interview,
      link,
      publicBaseUrl: deps.publicBaseUrl,
      organizer: deps.organizer,
      now,
    }),
  );
  logger.info('expert invited', { roundId: round.roundId, interviewId: interview.interviewId });
  return { interview: interviewView(interview), link };
}

export async function inviteExpert(deps: InterviewDeps, roundId: string, request: InviteExpertRequest) {
  const round = await requireRound(deps, roundId);
  return invite(
    deps,
    round,
    {
      name: request.name,
      email: request.email.trim(),
      institution: request.institution,
      language: request.language,
    },
    request.topics,
    { kind: 'manual' },
  );
}

/** The last submitted version of each response of a survey (one Query on gsi1). */
async function latestSubmissions(deps: InterviewDeps, surveyId: string) {
  const partition = keys.submissionBySurvey(surveyId, '', '').gsi1pk as string;
  const latest = new Map<string, z.infer<typeof SubmissionRecord>>();
  let cursor: string | undefined;
  do {
    const page = await deps.surveys.store.query(SubmissionRecord, { partition, index: 'gsi1', cursor });
    for (const submission of page.items) {
      const known = latest.get(submission.invitationId);
      if (!known || submission.number > known.number) latest.set(submission.invitationId, submission);
    }
    cursor = page.cursor;
  } while (cursor);
  return latest;
}

async function candidateOf(
  deps: InterviewDeps,
  submission: z.infer<typeof SubmissionRecord>,
  invitedToRounds: string[],
): Promise<InterviewCandidate | undefined> {
  const [invitation, contact] = await Promise.all([
    deps.surveys.getInvitation(submission.surveyId, submission.invitationId),
    deps.surveys.getContact(submission.invitationId),
  ]);
  if (!invitation) return undefined;
  return {
    surveyId: submission.surveyId,
    responseInvitationId: submission.invitationId,
    institution: submission.answers.institution.name || invitation.institutionName,
    contactName: contact?.name ?? '',
    // The contact person asked to be reached; the invited address is the fallback.
    email: contact?.email || invitation.email,
    language: submission.language,
    topics: submission.answers.interview.topics,
    topicsOther: submission.answers.interview.topicsOther,
    submittedAt: submission.submittedAt,
    invitedToRounds,
  };
}

/** Submitted responses whose institution agreed to be interviewed, with the rounds each was invited to. */
export async function interviewCandidates(deps: InterviewDeps, surveyId: string) {
  const survey = await deps.surveys.getSurvey(surveyId);
  if (!survey) throw notFound('survey');
  const [latest, invited] = await Promise.all([
    latestSubmissions(deps, surveyId),
    deps.interviews.invitedResponses(surveyId),
  ]);
  const willing = [...latest.values()].filter((submission) => submission.answers.interview.willing === true);
  const candidates = await Promise.all(
    willing.map((submission) => candidateOf(deps, submission, invited.get(submission.invitationId) ?? [])),
  );
  return {
    candidates: candidates
      .filter((candidate): candidate is InterviewCandidate => candidate !== undefined)
      .sort((a, b) => a.institution.localeCompare(b.institution, 'de')),
  };
}

/**
 * Primary course:
 * 1. Read the response's last submitted version; it must say the institution is willing.
 * 2. Invite its contact person with the topics it named; the response's guard item, written in the
 *    same transaction, refuses a second invitation of the same response to this round.
 */
export async function inviteFromSurvey(
  deps: InterviewDeps,
  roundId: string,
  request: { surveyId: string; responseInvitationId: string },
) {
  const round = await requireRound(deps, roundId);
  const submissions = await deps.surveys.listSubmissions(request.responseInvitationId);
  const submission = submissions
    .filter((candidate) => candidate.surveyId === request.surveyId)
    .sort((a, b) => b.number - a.number)[0];
  if (!submission) throw notFound('survey response');
  if (submission.answers.interview.willing !== true) {
    throw new DomainError('invalid_state', 'response not willing', [
      { field: 'body.responseInvitationId', code: 'not_willing' },
    ]);
  }
  const candidate = await candidateOf(deps, submission, []);
  if (!candidate) throw notFound('survey invitation');
  if (!candidate.email) {
    throw new DomainError('invalid_state', 'no address', [
      { field: 'body.responseInvitationId', code: 'no_email' },
    ]);
  }
  return invite(
    deps,
    round,
    {
      name: candidate.contactName || candidate.institution,
      email: candidate.email,
      institution: candidate.institution,
      language: candidate.language,
    },
    candidate.topics,
    { kind: 'survey', surveyId: request.surveyId, responseInvitationId: request.responseInvitationId },
  );
}

export async function interviewWithNotes(deps: InterviewDeps, roundId: string, interviewId: string) {
  const interview = await requireInterview(deps, roundId, interviewId);
  const notes = await deps.interviews.getNotes(roundId, interviewId);
  return {
    interview: interviewView(interview),
    notes: notes?.notes ?? '',
    findings: notes?.findings ?? [],
    ...(notes ? { updatedAt: notes.updatedAt } : {}),
  };
}

export async function markHeld(deps: InterviewDeps, roundId: string, interviewId: string) {
  const interview = await requireInterview(deps, roundId, interviewId);
  if (interview.state === 'held' || interview.state === 'written_up') return interviewView(interview);
  if (interview.state !== 'booked' && interview.state !== 'rescheduled') {
    throw new DomainError('invalid_state', `interview is ${interview.state}`);
  }
  const held: InterviewRecord = { ...interview, state: 'held', heldAt: deps.now().toISOString() };
  await deps.interviews.saveInterview(interview, held);
  // A held interview needs no reminder any more.
  await deps.reminders.cancel(interviewId);
  return interviewView({ ...held, version: interview.version + 1 });
}

/**
 * Notes and tagged findings of a held interview, kept with it for the evaluation. They live in their
 * own item without the expert's contact data, so they outlast its retention.
 */
export async function writeNotes(
  deps: InterviewDeps,
  roundId: string,
  interviewId: string,
  request: z.infer<typeof WriteNotesRequest>,
  staffId: string,
) {
  const interview = await requireInterview(deps, roundId, interviewId);
  if (interview.state !== 'held' && interview.state !== 'written_up') {
    throw new DomainError('invalid_state', `interview is ${interview.state}`);
  }
  if (interview.version !== request.version) throw new DomainError('version_conflict', 'stale interview');
  const now = deps.now().toISOString();
  const findings: Finding[] = request.findings.map((finding) => ({
    ...finding,
    findingId: finding.findingId ?? deps.newId(),
  }));
  const notes: NotesRecord = {
    roundId,
    interviewId,
    institution: interview.expert.institution,
    topics: interview.topics,
    notes: request.notes,
    findings,
    updatedAt: now,
    updatedBy: staffId,
  };
  const next: InterviewRecord =
    request.writtenUp && interview.state === 'held'
      ? { ...interview, state: 'written_up', writtenUpAt: now }
      : interview;
  await deps.interviews.saveInterview(interview, next, notes);
  return {
    interview: interviewView({ ...next, version: interview.version + 1 }),
    notes: notes.notes,
    findings,
    updatedAt: now,
  };
}
