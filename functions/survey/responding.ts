import type { OfferingStore } from '../offerings/offering-store';
import { publishReportedOfferings } from '../offerings/publishing';
import { DomainError } from '../shared/domain/errors';
import { expiryOf, type RetentionPolicy } from '../shared/domain/retention';
import type { Language } from '../shared/i18n/languages';
import { logger } from '../shared/log/logger';
import type { Mailer } from '../shared/mail/mailer';
import { confirmationMail } from './mails';
import { type ContactPerson, emptyAnswers, requireComplete, type SurveyAnswers } from './questionnaire';
import type { RespondentView } from './schemas';
import { invitationState } from './survey-admin';
import { contactExpiry, type DraftRecord, type SubmissionRecord, type SurveyStore } from './survey-store';
import { hashToken } from './tokens';

export interface RespondingDeps {
  surveys: SurveyStore;
  offerings: OfferingStore;
  mailer: Mailer;
  now: () => Date;
  /** The county's retention periods; the defaults of `retentionCategories` when not given. */
  retention?: RetentionPolicy;
}

/** Finds the invitation behind a link; retired links and revoked invitations are refused clearly. */
async function openInvitation(deps: RespondingDeps, token: string) {
  const tokenRecord = await deps.surveys.getToken(hashToken(token));
  if (!tokenRecord) throw new DomainError('not_found', 'unknown token');
  if (tokenRecord.retiredAt) throw new DomainError('gone', 'token retired');
  const [survey, invitation] = await Promise.all([
    deps.surveys.getSurvey(tokenRecord.surveyId),
    deps.surveys.getInvitation(tokenRecord.surveyId, tokenRecord.invitationId),
  ]);
  if (!survey || !invitation) throw new DomainError('not_found', 'invitation missing');
  if (invitation.revokedAt) throw new DomainError('gone', 'invitation revoked');
  return { survey, invitation };
}

function assertOpenForAnswers(survey: { opensAt: string; closesAt: string }, now: Date): void {
  if (now.getTime() >= Date.parse(survey.closesAt)) throw new DomainError('closed', 'survey closed');
  if (now.getTime() < Date.parse(survey.opensAt))
    throw new DomainError('not_open_yet', 'survey not open yet');
}

export async function loadResponse(deps: RespondingDeps, token: string): Promise<RespondentView> {
  // 1. The link must lead to a live invitation.
  const { survey, invitation } = await openInvitation(deps, token);
  // 2. The first visit marks the invitation as opened (staff see "in progress").
  if (!invitation.openedAt)
    await deps.surveys.markInvitation(invitation, { openedAt: deps.now().toISOString() });
  const [draft, contact, submissions] = await Promise.all([
    deps.surveys.getDraft(invitation.invitationId),
    deps.surveys.getContact(invitation.invitationId),
    deps.surveys.listSubmissions(invitation.invitationId),
  ]);
  const answers = draft?.answers ?? emptyAnswers();
  if (!draft) answers.institution.name = invitation.institutionName;
  return {
    survey: {
      title: survey.title,
      opensAt: survey.opensAt,
      closesAt: survey.closesAt,
      closed: deps.now().getTime() >= Date.parse(survey.closesAt),
    },
    invitation: {
      institutionName: invitation.institutionName,
      state: invitationState({ ...invitation, openedAt: invitation.openedAt ?? deps.now().toISOString() }),
      language: draft?.language ?? invitation.language,
    },
    answers,
    contact: contact ?? null,
    version: draft?.version ?? 0,
    ...(draft ? { savedAt: draft.savedAt } : {}),
    submissions: submissions.map((submission) => ({
      number: submission.number,
      submittedAt: submission.submittedAt,
    })),
    privacyNoticeVersion: survey.privacyNoticeVersion,
  };
}

export async function saveDraft(
  deps: RespondingDeps,
  token: string,
  input: { answers: SurveyAnswers; contact: ContactPerson; version: number; language: Language },
): Promise<{ version: number; savedAt: string }> {
  // 1. Only a live invitation of an open survey can be answered.
  const { survey, invitation } = await openInvitation(deps, token);
  const now = deps.now();
  assertOpenForAnswers(survey, now);
  // 2. Write only over the version the respondent has seen; otherwise 409 and nothing changes.
  const current = await deps.surveys.getDraft(invitation.invitationId);
  if ((current?.version ?? 0) !== input.version) throw new DomainError('version_conflict', 'stale draft');
  const savedAt = now.toISOString();
  const version = await deps.surveys.saveDraft(
    {
      surveyId: survey.surveyId,
      invitationId: invitation.invitationId,
      answers: input.answers,
      language: input.language,
      savedAt,
      submissionCount: current?.submissionCount ?? 0,
      ...(current?.lastSubmittedVersion !== undefined
        ? { lastSubmittedVersion: current.lastSubmittedVersion }
        : {}),
      expiresAt: expiryOf('surveyDraft', survey.closesAt, deps.retention),
    },
    input.contact,
    input.version,
    contactExpiry(survey.closesAt, deps.retention),
  );
  return { version, savedAt };
}

export async function submitResponse(
  deps: RespondingDeps,
  token: string,
  input: { version: number },
  channel: SubmissionRecord['channel'] = 'web',
): Promise<{ submissionNumber: number; submittedAt: string; version: number }> {
  // 1. A live invitation, an open survey, and the saved draft the respondent has seen.
  const { survey, invitation } = await openInvitation(deps, token);
  const now = deps.now();
  assertOpenForAnswers(survey, now);
  const draft = await deps.surveys.getDraft(invitation.invitationId);
  if (!draft)
    throw new DomainError('validation', 'nothing saved yet', [
      { field: 'body.version', code: 'nothing_saved' },
    ]);
  const replay = await replayedSubmission(deps, draft, input.version, invitation);
  if (replay) return replay;
  if (draft.version !== input.version) throw new DomainError('version_conflict', 'stale draft');
  // 2. The same completeness check as the form and the chat, naming each missing answer.
  const contact = await deps.surveys.getContact(invitation.invitationId);
  const missing = requireComplete(draft.answers, contact);
  if (missing.length > 0) {
    throw new DomainError('validation', 'incomplete response', missing);
  }
  // 3. Keep this version as a submission; a parallel replay either loses the race or is answered from it.
  const submission: SubmissionRecord = {
    surveyId: survey.surveyId,
    invitationId: invitation.invitationId,
    number: draft.submissionCount + 1,
    answers: draft.answers,
    language: draft.language,
    submittedAt: now.toISOString(),
    draftVersion: draft.version,
    privacyNoticeVersion: draft.answers.privacy.noticeVersion ?? survey.privacyNoticeVersion,
    channel,
    questionnaireVersion: survey.questionnaireVersion,
  };
  try {
    await deps.surveys.submit(draft, submission, invitation);
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'version_conflict' || error.code === 'conflict')) {
      const latest = await deps.surveys.getDraft(invitation.invitationId);
      const replayed = latest && (await replayedSubmission(deps, latest, input.version, invitation));
      if (replayed) return replayed;
    }
    throw error;
  }
  // 4. Offerings consented for publication go to the review queue; then the confirmation e-mail.
  await publishReportedOfferings(deps.offerings, {
    surveyId: survey.surveyId,
    invitationId: invitation.invitationId,
    previousInvitationId: invitation.previousInvitationId,
    institutionName: draft.answers.institution.name,
    offerings: draft.answers.offerings,
    at: submission.submittedAt,
  });
  const recipient = contact?.email || invitation.email;
  try {
    await deps.mailer.send(
      confirmationMail({
        to: recipient,
        language: draft.language,
        surveyTitle: survey.title,
        submittedAt: submission.submittedAt,
        closesAt: survey.closesAt,
        number: submission.number,
        answers: draft.answers,
        contact,
      }),
    );
  } catch (error) {
    // The answers are safely kept; a lost confirmation must not turn a submit into an error.
    logger.error('confirmation mail failed', {
      invitationId: invitation.invitationId,
      submission: submission.number,
    });
    void error;
  }
  return {
    submissionNumber: submission.number,
    submittedAt: submission.submittedAt,
    version: draft.version + 1,
  };
}

async function replayedSubmission(
  deps: RespondingDeps,
  draft: DraftRecord,
  requestedVersion: number,
  invitation: { previousInvitationId?: string | undefined },
) {
  if (draft.lastSubmittedVersion !== requestedVersion) return undefined;
  const submissions = await deps.surveys.listSubmissions(draft.invitationId);
  const last = submissions.find((submission) => submission.draftVersion === requestedVersion);
  if (!last) return undefined;
  // The first attempt may have stopped after the submission was kept but before its offerings reached
  // the review queue (the store failed in between). Publishing is idempotent for the same submission
  // (same content and time: nothing is written twice), so the retry finishes what the first began.
  await publishReportedOfferings(deps.offerings, {
    surveyId: last.surveyId,
    invitationId: last.invitationId,
    previousInvitationId: invitation.previousInvitationId,
    institutionName: last.answers.institution.name,
    offerings: last.answers.offerings,
    at: last.submittedAt,
  });
  return { submissionNumber: last.number, submittedAt: last.submittedAt, version: draft.version };
}

export async function eraseContact(deps: RespondingDeps, token: string): Promise<void> {
  // Erasure is a right that does not end with the survey: allowed after closing too.
  const { invitation } = await openInvitation(deps, token);
  await deps.surveys.eraseContact(invitation.invitationId);
}
