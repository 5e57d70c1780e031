import { toCsv } from '../shared/csv';
import { DomainError, notFound } from '../shared/domain/errors';
import type { FindingInput } from '../shared/domain/findings';
import { defaultRetention, expiryOf, type RetentionPolicy } from '../shared/domain/retention';
import { formatDateTime } from '../shared/i18n/format';
import type { Language } from '../shared/i18n/languages';
import { type MessageKey, translate } from '../shared/i18n/messages';
import { tokenLink, tokenPages } from '../shared/links/token-links';
import { errorFields, logger } from '../shared/log/logger';
import type { Mailer, MailMessage } from '../shared/mail/mailer';
import { epochSeconds } from '../shared/store/store';
import type { SurveyStore } from '../survey/survey-store';
import { hashEmail, hashToken } from '../survey/tokens';
import { workshopMail } from './mails';
import type {
  CreateWorkshopRequest,
  OwnRegistration,
  PublicWorkshop,
  RegisterRequest,
  Registration,
  RegistrationEntry,
  RegistrationResult,
  RegistrationStatus,
  StaffWorkshop,
} from './schemas';
import type {
  CounterRecord,
  InviteeRecord,
  RegistrationRecord,
  WorkshopRecord,
  WorkshopStore,
} from './workshop-store';

/** What the workshop use cases work with; the handlers pass the real ones, tests their own. */
export interface WorkshopDeps {
  workshops: WorkshopStore;
  surveys: SurveyStore;
  mailer: Mailer;
  now: () => Date;
  newId: () => string;
  newToken: () => string;
  publicBaseUrl: string;
  /** The county's retention periods; the defaults of `retentionCategories` when not given. */
  retention?: RetentionPolicy;
}

/**
 * Registrations (names, addresses) are kept for 90 days after the workshop: long enough to send the
 * participants its results and answer questions, then removed by TTL.
 */
export const registrationRetentionDays = defaultRetention.workshopParticipant;

/** A started announcement that has not mailed within this time is taken over by the next attempt. */
const announcementClaimMs = 2 * 60 * 1000;

function retentionEnd(workshop: WorkshopRecord, policy?: RetentionPolicy): number {
  return expiryOf('workshopParticipant', workshop.endsAt, policy);
}

export async function requireWorkshop(deps: Pick<WorkshopDeps, 'workshops'>, workshopId: string) {
  const workshop = await deps.workshops.getWorkshop(workshopId);
  if (!workshop) throw notFound('workshop');
  return workshop;
}

function registrationOpen(deps: Pick<WorkshopDeps, 'now'>, workshop: WorkshopRecord): boolean {
  return deps.now().getTime() < Date.parse(workshop.registrationClosesAt);
}

export function publicView(
  deps: Pick<WorkshopDeps, 'now'>,
  workshop: WorkshopRecord,
  counter: CounterRecord,
) {
  return {
    workshopId: workshop.workshopId,
    title: workshop.title,
    startsAt: workshop.startsAt,
    endsAt: workshop.endsAt,
    place: workshop.place,
    programme: workshop.programme,
    capacity: workshop.capacity,
    placesLeft: Math.max(0, workshop.capacity - counter.registered),
    waiting: counter.waiting,
    registrationClosesAt: workshop.registrationClosesAt,
    registrationOpen: registrationOpen(deps, workshop),
  } satisfies PublicWorkshop;
}

async function staffView(deps: WorkshopDeps, workshop: WorkshopRecord): Promise<StaffWorkshop> {
  const counter = await deps.workshops.getCounter(workshop.workshopId);
  return {
    ...publicView(deps, workshop, counter),
    registered: counter.registered,
    createdAt: workshop.createdAt,
    ...(workshop.announcement ? { announcement: workshop.announcement } : {}),
    ...(workshop.results ? { results: workshop.results } : {}),
  };
}

export async function createWorkshop(
  deps: WorkshopDeps,
  input: CreateWorkshopRequest,
  createdBy: string,
): Promise<StaffWorkshop> {
  // 1. Record the workshop in UTC, with its counter of places.
  const workshop: WorkshopRecord = {
    workshopId: deps.newId(),
    title: input.title,
    startsAt: new Date(input.startsAt).toISOString(),
    endsAt: new Date(input.endsAt).toISOString(),
    place: input.place,
    programme: input.programme,
    capacity: input.capacity,
    registrationClosesAt: new Date(input.registrationClosesAt).toISOString(),
    createdAt: deps.now().toISOString(),
    createdBy,
  };
  await deps.workshops.createWorkshop(workshop);
  return staffView(deps, workshop);
}

export async function listWorkshops(deps: WorkshopDeps): Promise<StaffWorkshop[]> {
  const workshops = await deps.workshops.listWorkshops();
  return Promise.all(workshops.map((workshop) => staffView(deps, workshop)));
}

export async function getStaffWorkshop(deps: WorkshopDeps, workshopId: string): Promise<StaffWorkshop> {
  return staffView(deps, await requireWorkshop(deps, workshopId));
}

export async function getPublicWorkshop(deps: WorkshopDeps, workshopId: string): Promise<PublicWorkshop> {
  const workshop = await requireWorkshop(deps, workshopId);
  return publicView(deps, workshop, await deps.workshops.getCounter(workshopId));
}

/**
 * E-mails the workshop to every institution that submitted the survey, each with its own registration
 * link. Announcing again mails only institutions that have not had it (for example new submissions).
 */
export async function announceWorkshop(
  deps: WorkshopDeps,
  workshopId: string,
  surveyId: string,
): Promise<{ mailed: number; alreadyAnnounced: number }> {
  // 1. The workshop and the survey must exist.
  const workshop = await requireWorkshop(deps, workshopId);
  const survey = await deps.surveys.getSurvey(surveyId);
  if (!survey) throw notFound('survey');
  // 2. Every institution that submitted, once, with the language it answered in.
  const latest = new Map<string, { language: RegistrationRecord['language']; submittedAt: string }>();
  for (const submission of await deps.workshops.submissionsOfSurvey(surveyId)) {
    const known = latest.get(submission.invitationId);
    if (!known || known.submittedAt < submission.submittedAt) latest.set(submission.invitationId, submission);
  }
  // 3. Claim each institution before mailing it, so no attempt mails it twice.
  let mailed = 0;
  let alreadyAnnounced = 0;
  for (const [invitationId, submission] of latest) {
    const previous = await deps.workshops.getInvitee(workshopId, invitationId);
    const claimFresh =
      previous && deps.now().getTime() - Date.parse(previous.createdAt) < announcementClaimMs;
    if (previous?.mailedAt || claimFresh) {
      alreadyAnnounced++;
      continue;
    }
    const invitation = await deps.surveys.getInvitation(surveyId, invitationId);
    if (!invitation || invitation.revokedAt) continue;
    const contact = await deps.surveys.getContact(invitationId);
    const token = deps.newToken();
    const invitee: InviteeRecord = {
      workshopId,
      invitationId,
      institutionName: invitation.institutionName,
      tokenHash: hashToken(token),
      createdAt: deps.now().toISOString(),
      expiresAt: retentionEnd(workshop, deps.retention),
    };
    if (!(await deps.workshops.claimInvitee(invitee, previous))) {
      alreadyAnnounced++;
      continue;
    }
    try {
      await deps.mailer.send(
        workshopMail({
          kind: 'announcement',
          to: contact?.email || invitation.email,
          language: submission.language,
          workshop,
          institution: invitation.institutionName,
          link: tokenLink(
            deps.publicBaseUrl,
            tokenPages.workshopInvitation(workshopId),
            token,
            submission.language,
          ),
        }),
      );
    } catch (error) {
      // Not mailed: the claim goes, so that announcing again right away mails this institution.
      await deps.workshops.releaseInvitee(invitee);
      throw error;
    }
    await deps.workshops.markInviteeMailed(invitee, deps.now().toISOString());
    mailed++;
  }
  // 4. Note on the workshop to which survey's institutions it went.
  await deps.workshops.setAnnouncement(workshopId, {
    surveyId,
    announcedAt: deps.now().toISOString(),
    institutions: (await deps.workshops.listInvitees(workshopId)).filter((invitee) => invitee.mailedAt)
      .length,
  });
  return { mailed, alreadyAnnounced };
}

/** The institution behind an e-mailed link, so the form can be filled in for it. */
export async function workshopInvitation(deps: WorkshopDeps, workshopId: string, token: string) {
  const invitee = await deps.workshops.inviteeByToken(hashToken(token));
  if (!invitee || invitee.workshopId !== workshopId) throw notFound('workshop invitation');
  return { institutionName: invitee.institutionName };
}

async function waitingPosition(deps: WorkshopDeps, registration: RegistrationRecord) {
  if (registration.status !== 'waiting') return undefined;
  const all = await deps.workshops.listRegistrations(registration.workshopId);
  const waiting = all.filter((candidate) => candidate.status === 'waiting');
  const index = waiting.findIndex((candidate) => candidate.emailHash === registration.emailHash);
  return index >= 0 ? index + 1 : undefined;
}

function manageLink(deps: WorkshopDeps, token: string, language: string) {
  return tokenLink(deps.publicBaseUrl, tokenPages.workshopRegistration, token, language);
}

/**
 * Sends a letter about a registration that has already changed: a lost letter must not turn the change
 * into an error (the page shows the same link and state). Logged by ids only.
 */
async function tell(deps: WorkshopDeps, message: MailMessage, registration: RegistrationRecord) {
  try {
    await deps.mailer.send(message);
  } catch (error) {
    logger.error('workshop letter failed', {
      purpose: message.purpose,
      workshopId: registration.workshopId,
      registrationId: registration.registrationId,
      ...errorFields(error),
    });
  }
}

/**
 * Moves people up from the waiting list while places are free. Safe to run any time and concurrently:
 * each move is a conditional transaction on the counter and the registration.
 */
export async function fillPlaces(deps: WorkshopDeps, workshop: WorkshopRecord): Promise<number> {
  let moved = 0;
  for (let round = 0; round < workshop.capacity + 5; round++) {
    const counter = await deps.workshops.getCounter(workshop.workshopId);
    if (counter.registered >= counter.capacity || counter.waiting <= 0) break;
    const candidates = await deps.workshops.firstWaiting(workshop.workshopId, 5);
    let progressed = false;
    for (const candidate of candidates) {
      const token = deps.newToken();
      const outcome = await deps.workshops.promote(candidate, hashToken(token));
      if (outcome === 'full') return moved;
      if (outcome !== 'done') continue;
      moved++;
      progressed = true;
      await tell(
        deps,
        workshopMail({
          kind: 'movedUp',
          to: candidate.email,
          language: candidate.language,
          workshop,
          name: candidate.name,
          link: manageLink(deps, token, candidate.language),
        }),
        candidate,
      );
      break;
    }
    if (!progressed) break;
  }
  return moved;
}

/**
 * What happened to a registration request. Never shown to the requester: the public answer is
 * {@link requestRegistration}'s, the same for every address; this goes to the address by e-mail and to
 * tests.
 */
export interface RegistrationOutcome {
  status: RegistrationStatus;
  /** 1-based place on the waiting list, while waiting. */
  waitingPosition?: number;
  /** The personal link's token that was e-mailed (a new one when the link was sent again). */
  manageToken: string;
  /** True when the address was registered already: its link was sent again, nothing else changed. */
  alreadyRegistered: boolean;
}

/**
 * The public registration: the same answer, status and shape for a new, a registered, a waiting or a
 * cancelled address, so nobody can find out from it who registered. What happened, with the personal
 * link, goes to the address by e-mail; only its owner learns it.
 */
export async function requestRegistration(
  deps: WorkshopDeps,
  workshopId: string,
  input: RegisterRequest,
): Promise<RegistrationResult> {
  await register(deps, workshopId, input);
  return { status: 'check_your_mail' };
}

/**
 * Registers a person: a place while one is free and nobody waits, else the waiting list. The same
 * address again is the same registration, also when both arrive at once; its owner gets the link again.
 */
export async function register(
  deps: WorkshopDeps,
  workshopId: string,
  input: RegisterRequest,
): Promise<RegistrationOutcome> {
  // 1. The workshop must exist and its registration be open.
  const workshop = await requireWorkshop(deps, workshopId);
  if (!registrationOpen(deps, workshop)) {
    throw new DomainError('closed', 'workshop registration closed', [
      { field: 'workshop', code: 'registration_closed' },
    ]);
  }
  // 2. From an e-mailed link: remember the institution it was sent to.
  let invitationId: string | undefined;
  if (input.invitationToken) {
    invitationId = (await deps.workshops.inviteeByToken(hashToken(input.invitationToken)))?.invitationId;
  }
  // 3. An address registered already: its owner gets the link again by mail, nothing else changes.
  const emailHash = hashEmail(input.email);
  const existing = await deps.workshops.getRegistration(workshopId, emailHash);
  if (existing && existing.status !== 'cancelled') return sendLinkAgain(deps, workshop, existing);
  // 4. A place, or the waiting list; the counter's conditions decide, never this read.
  const token = deps.newToken();
  const base: RegistrationRecord = {
    registrationId: deps.newId(),
    workshopId,
    emailHash,
    name: input.name,
    email: input.email.trim(),
    institution: input.institution,
    note: input.note,
    language: input.language,
    status: 'registered',
    ticket: await deps.workshops.nextTicket(workshopId),
    registeredAt: deps.now().toISOString(),
    ...(invitationId ? { invitationId } : {}),
    expiresAt: retentionEnd(workshop, deps.retention),
    // A cancelled registration's links keep working for the new one, so erasure must know them too.
    ...(existing?.tokenHashes ? { tokenHashes: existing.tokenHashes } : {}),
  };
  let registration = base;
  let outcome = await deps.workshops.addRegistration(registration, hashToken(token));
  if (outcome === 'full') {
    registration = { ...base, status: 'waiting' };
    outcome = await deps.workshops.addRegistration(registration, hashToken(token));
  }
  if (outcome !== 'done') {
    const current = await deps.workshops.getRegistration(workshopId, emailHash);
    if (current && current.status !== 'cancelled') return sendLinkAgain(deps, workshop, current);
    throw new DomainError('conflict', 'registration changed concurrently');
  }
  // 5. Confirm by mail with the person's own link; a place may have come free meanwhile.
  await tell(
    deps,
    workshopMail({
      kind: registration.status === 'registered' ? 'registered' : 'waiting',
      to: registration.email,
      language: registration.language,
      workshop,
      name: registration.name,
      link: manageLink(deps, token, registration.language),
    }),
    registration,
  );
  if (registration.status === 'waiting') await fillPlaces(deps, workshop);
  const current = (await deps.workshops.getRegistration(workshopId, emailHash)) ?? registration;
  const position = await waitingPosition(deps, current);
  return {
    status: current.status,
    ...(position ? { waitingPosition: position } : {}),
    manageToken: token,
    alreadyRegistered: false,
  };
}

/**
 * Mails the owner of an address that is registered (or waiting) a new personal link, in the language
 * they registered in. A new link rather than none, so that the work (a write, a letter) is about the
 * same as for a new registration and the answer's timing does not stand out; earlier links keep working.
 */
async function sendLinkAgain(
  deps: WorkshopDeps,
  workshop: WorkshopRecord,
  registration: RegistrationRecord,
): Promise<RegistrationOutcome> {
  const token = deps.newToken();
  await deps.workshops.addRegistrationLink(registration, hashToken(token));
  await tell(
    deps,
    workshopMail({
      kind: registration.status === 'waiting' ? 'alreadyWaiting' : 'alreadyRegistered',
      to: registration.email,
      language: registration.language,
      workshop,
      name: registration.name,
      link: manageLink(deps, token, registration.language),
    }),
    registration,
  );
  const position = await waitingPosition(deps, registration);
  return {
    status: registration.status,
    ...(position ? { waitingPosition: position } : {}),
    manageToken: token,
    alreadyRegistered: true,
  };
}

async function requireOwnRegistration(deps: WorkshopDeps, token: string) {
  const registration = await deps.workshops.registrationByToken(hashToken(token));
  if (!registration) throw notFound('workshop registration');
  return registration;
}

/** What the person and staff see of a registration; `position` only while it is waiting. */
function registrationView(registration: RegistrationRecord, position?: number): Registration {
  return {
    name: registration.name,
    email: registration.email,
    institution: registration.institution,
    note: registration.note,
    status: registration.status,
    ...(position ? { waitingPosition: position } : {}),
    registeredAt: registration.registeredAt,
  };
}

export async function ownRegistration(deps: WorkshopDeps, token: string): Promise<OwnRegistration> {
  const registration = await requireOwnRegistration(deps, token);
  const workshop = await requireWorkshop(deps, registration.workshopId);
  const position = await waitingPosition(deps, registration);
  return {
    workshop: publicView(deps, workshop, await deps.workshops.getCounter(workshop.workshopId)),
    ...registrationView(registration, position),
  };
}

/**
 * Cancels from the person's own link, until the workshop starts. A freed place goes to the first person
 * waiting, who is told by mail. Cancelling twice changes nothing.
 */
export async function cancelOwnRegistration(deps: WorkshopDeps, token: string): Promise<OwnRegistration> {
  // 1. The registration behind the link; after the start nothing changes any more.
  let registration = await requireOwnRegistration(deps, token);
  const workshop = await requireWorkshop(deps, registration.workshopId);
  if (registration.status !== 'cancelled' && deps.now().getTime() >= Date.parse(workshop.startsAt)) {
    throw new DomainError('closed', 'workshop started', [{ field: 'workshop', code: 'workshop_started' }]);
  }
  // 2. Cancel and free the place together; a registration moved up meanwhile is read again.
  let cancelled = false;
  for (let attempt = 0; attempt < 5 && registration.status !== 'cancelled'; attempt++) {
    if ((await deps.workshops.cancel(registration, deps.now().toISOString())) === 'done') {
      cancelled = true;
      break;
    }
    registration =
      (await deps.workshops.getRegistration(registration.workshopId, registration.emailHash)) ?? registration;
  }
  // 3. Confirm, and give the place to the first person waiting.
  if (cancelled) {
    await tell(
      deps,
      workshopMail({
        kind: 'cancelled',
        to: registration.email,
        language: registration.language,
        workshop,
        name: registration.name,
      }),
      registration,
    );
    await fillPlaces(deps, workshop);
  }
  return ownRegistration(deps, token);
}

/** Registered people first, then the waiting list, each in order of registration. */
export async function listRegistrations(
  deps: WorkshopDeps,
  workshopId: string,
): Promise<RegistrationEntry[]> {
  await requireWorkshop(deps, workshopId);
  const all = await deps.workshops.listRegistrations(workshopId);
  const registered = all.filter((registration) => registration.status === 'registered');
  const waiting = all.filter((registration) => registration.status === 'waiting');
  const entry = (registration: RegistrationRecord, position?: number): RegistrationEntry => ({
    registrationId: registration.registrationId,
    ...registrationView(registration, position),
    fromAnnouncement: registration.invitationId !== undefined,
  });
  return [
    ...registered.map((registration) => entry(registration)),
    ...waiting.map((registration, index) => entry(registration, index + 1)),
  ];
}

/** The workshop's results as findings in the shared shape, so the evaluation reads them with the interviews'. */
export async function recordResults(deps: WorkshopDeps, workshopId: string, findings: FindingInput[]) {
  // 1. Results exist only once the workshop has taken place.
  const workshop = await requireWorkshop(deps, workshopId);
  if (deps.now().getTime() < Date.parse(workshop.startsAt)) {
    throw new DomainError('invalid_state', 'workshop not held yet', [
      { field: 'workshop', code: 'workshop_not_held' },
    ]);
  }
  // 2. Replace the results as a whole; new findings get their ids here.
  const results = {
    findings: findings.map((finding) => ({ ...finding, findingId: finding.findingId ?? deps.newId() })),
    recordedAt: deps.now().toISOString(),
  };
  await deps.workshops.setResults(workshopId, results);
  return results;
}

/** The list for Excel: the staff member's language for the header, what people wrote as written. */
export async function registrationsCsv(deps: WorkshopDeps, workshopId: string, language: Language) {
  const entries = await listRegistrations(deps, workshopId);
  const t = (key: string) => translate(language, `workshopStaff.${key}` as MessageKey);
  const header = ['csvStatus', 'csvName', 'csvEmail', 'csvInstitution', 'csvNote', 'csvRegisteredAt'].map(t);
  const rows = entries.map((entry) => [
    entry.status === 'registered'
      ? t('statusRegistered')
      : `${t('statusWaiting')} ${entry.waitingPosition ?? ''}`.trim(),
    entry.name,
    entry.email,
    entry.institution,
    entry.note,
    formatDateTime(entry.registeredAt, language),
  ]);
  return toCsv(header, rows);
}
