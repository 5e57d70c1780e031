import { parse } from 'csv-parse/sync';
import { DomainError, notFound } from '../shared/domain/errors';
import { expiryOf, type RetentionPolicy } from '../shared/domain/retention';
import { isLanguage, type Language } from '../shared/i18n/languages';
import { logger } from '../shared/log/logger';
import type { Mailer } from '../shared/mail/mailer';
import { invitationMail, reminderMail } from './mails';
import { privacyNoticeVersion, questionnaireVersion } from './questionnaire';
import type { InvitationView, SurveyView } from './schemas';
import type { InvitationRecord, SurveyRecord, SurveyStore } from './survey-store';
import { hashEmail, hashToken, invitationLink } from './tokens';

/** What the staff use cases work with; the handlers pass the real ones, tests their own. */
export interface SurveyAdminDeps {
  surveys: SurveyStore;
  mailer: Mailer;
  now: () => Date;
  newId: () => string;
  newToken: () => string;
  publicBaseUrl: string;
  /** The county's retention periods; the defaults of `retentionCategories` when not given. */
  retention?: RetentionPolicy;
}

export function surveyView(survey: SurveyRecord): SurveyView {
  const { createdBy: _createdBy, ...view } = survey;
  return view;
}

export function invitationState(invitation: InvitationRecord): InvitationView['state'] {
  if (invitation.revokedAt) return 'revoked';
  if (invitation.submittedAt) return 'submitted';
  if (invitation.openedAt) return 'in_progress';
  return 'not_opened';
}

export function invitationView(invitation: InvitationRecord): InvitationView {
  return {
    invitationId: invitation.invitationId,
    surveyId: invitation.surveyId,
    institutionName: invitation.institutionName,
    email: invitation.email,
    language: invitation.language,
    state: invitationState(invitation),
    createdAt: invitation.createdAt,
    lastSentAt: invitation.lastSentAt,
    reminderCount: invitation.reminderCount,
    ...(invitation.submittedAt ? { submittedAt: invitation.submittedAt } : {}),
  };
}

export async function createSurvey(
  deps: SurveyAdminDeps,
  input: {
    title: string;
    opensAt: string;
    closesAt: string;
    openParticipation: boolean;
    previousSurveyId?: string | undefined;
  },
  createdBy: string,
): Promise<SurveyView> {
  // 1. A new wave follows one that exists; it counts on from it.
  const previous = input.previousSurveyId ? await deps.surveys.getSurvey(input.previousSurveyId) : undefined;
  if (input.previousSurveyId && !previous) {
    throw new DomainError('validation', 'unknown previous wave', [
      { field: 'body.previousSurveyId', code: 'unknown_survey' },
    ]);
  }
  // 2. Record the survey with the privacy notice and questionnaire versions respondents will be shown.
  const survey: SurveyRecord = {
    surveyId: deps.newId(),
    title: input.title,
    opensAt: new Date(input.opensAt).toISOString(),
    closesAt: new Date(input.closesAt).toISOString(),
    openParticipation: input.openParticipation,
    privacyNoticeVersion,
    createdAt: deps.now().toISOString(),
    createdBy,
    wave: previous ? previous.wave + 1 : 1,
    ...(previous ? { previousSurveyId: previous.surveyId } : {}),
    questionnaireVersion,
  };
  await deps.surveys.createSurvey(survey);
  return surveyView(survey);
}

export async function requireSurvey(deps: Pick<SurveyAdminDeps, 'surveys'>, surveyId: string) {
  const survey = await deps.surveys.getSurvey(surveyId);
  if (!survey) throw notFound('survey');
  return survey;
}

/** E-mails an invitation's link, in the institution's language, and returns it. */
async function sendLink(
  deps: SurveyAdminDeps,
  survey: SurveyRecord,
  invitation: Pick<InvitationRecord, 'email' | 'language' | 'institutionName'>,
  token: string,
): Promise<string> {
  const link = invitationLink(deps.publicBaseUrl, token, invitation.language);
  await deps.mailer.send(
    invitationMail({
      to: invitation.email,
      language: invitation.language,
      surveyTitle: survey.title,
      institutionName: invitation.institutionName,
      link,
      closesAt: survey.closesAt,
    }),
  );
  return link;
}

export async function inviteInstitution(
  deps: SurveyAdminDeps,
  surveyId: string,
  input: { institutionName: string; email: string; language: Language },
): Promise<{ invitation: InvitationView; link: string }> {
  // 1. The survey must exist and still be open to answers.
  const survey = await requireSurvey(deps, surveyId);
  if (Date.parse(survey.closesAt) <= deps.now().getTime()) throw new DomainError('closed', 'survey closed');
  // 2. A fresh token; only its hash is stored. The same address cannot be invited twice.
  const token = deps.newToken();
  const now = deps.now().toISOString();
  const invitation: Omit<InvitationRecord, 'version'> & { expiresAt: number } = {
    invitationId: deps.newId(),
    surveyId,
    institutionName: input.institutionName,
    email: input.email.trim(),
    emailHash: hashEmail(input.email),
    language: input.language,
    tokenHash: hashToken(token),
    createdAt: now,
    lastSentAt: now,
    reminderCount: 0,
    expiresAt: expiryOf('surveyInvitation', survey.closesAt, deps.retention),
  };
  try {
    await deps.surveys.createInvitation(invitation);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'conflict') {
      throw new DomainError('conflict', 'already invited', [
        { field: 'body.email', code: 'already_invited' },
      ]);
    }
    throw error;
  }
  // 3. E-mail the link in the institution's language.
  const link = await sendLink(deps, survey, invitation, token);
  return { invitation: invitationView({ ...invitation, version: 1 }), link };
}

export interface ImportRow {
  line: number;
  institutionName: string;
  email: string;
  language: string;
  problem?: 'missing_institution' | 'invalid_email' | 'unknown_language' | 'duplicate' | 'already_invited';
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads the CSV (comma or semicolon, as spreadsheet programs write it) into rows with their problems. */
export function readInvitationCsv(csv: string): ImportRow[] {
  const firstLine = csv.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(csv, {
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      bom: true,
      trim: true,
    });
  } catch {
    throw new DomainError('validation', 'unreadable csv', [{ field: 'body.csv', code: 'invalid_csv' }]);
  }
  const [header = [], ...rows] = records;
  const columns = header.map((name) => name.toLowerCase());
  const find = (...names: string[]) => columns.findIndex((name) => names.includes(name));
  const institutionColumn = find('institution', 'einrichtung', 'institutionname', 'name');
  const emailColumn = find('email', 'e-mail', 'mail');
  const languageColumn = find('language', 'sprache');
  if (institutionColumn < 0 || emailColumn < 0) {
    throw new DomainError('validation', 'csv header', [{ field: 'body.csv', code: 'csv_header' }]);
  }
  if (rows.length > 2000) {
    throw new DomainError('validation', 'csv too long', [
      { field: 'body.csv', code: 'too_many', params: { maximum: 2000 } },
    ]);
  }
  const seen = new Set<string>();
  return rows.map((cells, index) => {
    const institutionName = (cells[institutionColumn] ?? '').slice(0, 200);
    const email = (cells[emailColumn] ?? '').slice(0, 254);
    const language = ((languageColumn >= 0 ? cells[languageColumn] : '') || 'de').toLowerCase().slice(0, 10);
    const row: ImportRow = { line: index + 2, institutionName, email, language };
    if (!institutionName) row.problem = 'missing_institution';
    else if (!emailPattern.test(email)) row.problem = 'invalid_email';
    else if (!isLanguage(language)) row.problem = 'unknown_language';
    else if (seen.has(hashEmail(email))) row.problem = 'duplicate';
    seen.add(hashEmail(email));
    return row;
  });
}

export async function importInvitations(
  deps: SurveyAdminDeps,
  surveyId: string,
  input: { csv: string; dryRun: boolean },
): Promise<{ rows: ImportRow[]; created: number }> {
  // 1. Read the rows and mark what cannot be created.
  await requireSurvey(deps, surveyId);
  const rows = readInvitationCsv(input.csv);
  for (const row of rows) {
    if (!row.problem && (await deps.surveys.isInvited(surveyId, hashEmail(row.email))))
      row.problem = 'already_invited';
  }
  if (input.dryRun) return { rows, created: 0 };
  // 2. Create the good rows; one taken meanwhile by a parallel import is reported, not duplicated.
  let created = 0;
  for (const row of rows) {
    if (row.problem || !isLanguage(row.language)) continue;
    try {
      await inviteInstitution(deps, surveyId, {
        institutionName: row.institutionName,
        email: row.email,
        language: row.language,
      });
      created += 1;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'conflict') row.problem = 'already_invited';
      else throw error;
    }
  }
  return { rows, created };
}

/**
 * The next wave: every institution invited to the wave before (revoked ones excepted) is invited again,
 * with a new link in its language, and finds its last submitted answers there to correct, not to type
 * again. The privacy notice is accepted anew and the contact person is not carried (personal data is
 * kept for one wave only). Safe to repeat: an institution already invited to this wave is skipped, so
 * running it again after an interruption invites only the rest.
 */
export async function carryOverInvitations(
  deps: SurveyAdminDeps,
  surveyId: string,
): Promise<{ fromSurveyId: string; invited: number; alreadyInvited: number; mailFailed: number }> {
  // 1. A wave that follows another and is still open.
  const survey = await requireSurvey(deps, surveyId);
  if (!survey.previousSurveyId) {
    throw new DomainError('invalid_state', 'no previous wave', [
      { field: 'params.surveyId', code: 'no_previous_wave' },
    ]);
  }
  if (Date.parse(survey.closesAt) <= deps.now().getTime()) throw new DomainError('closed', 'survey closed');
  const [invitations, latest] = await Promise.all([
    deps.surveys.listInvitations(survey.previousSurveyId),
    deps.surveys.latestSubmissions(survey.previousSurveyId),
  ]);
  const result = { fromSurveyId: survey.previousSurveyId, invited: 0, alreadyInvited: 0, mailFailed: 0 };
  for (const previous of invitations) {
    if (previous.revokedAt) continue;
    // 2. The invitation, its token, its guard and the starting draft, together.
    const token = deps.newToken();
    const now = deps.now().toISOString();
    const invitation: Omit<InvitationRecord, 'version'> & { expiresAt: number } = {
      invitationId: deps.newId(),
      surveyId,
      institutionName: previous.institutionName,
      email: previous.email,
      emailHash: previous.emailHash,
      language: previous.language,
      tokenHash: hashToken(token),
      createdAt: now,
      lastSentAt: now,
      reminderCount: 0,
      previousInvitationId: previous.invitationId,
      expiresAt: expiryOf('surveyInvitation', survey.closesAt, deps.retention),
    };
    const answers = latest.get(previous.invitationId)?.answers;
    const startingDraft = answers && {
      surveyId,
      invitationId: invitation.invitationId,
      answers: { ...answers, privacy: { accepted: false } },
      language: latest.get(previous.invitationId)?.language ?? previous.language,
      savedAt: now,
      submissionCount: 0,
      expiresAt: expiryOf('surveyDraft', survey.closesAt, deps.retention),
    };
    try {
      await deps.surveys.createInvitation(invitation, startingDraft);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'conflict') {
        result.alreadyInvited += 1;
        continue;
      }
      throw error;
    }
    result.invited += 1;
    // 3. The link by e-mail; a failed mail is counted (staff re-send it), the invitation stays.
    try {
      await sendLink(deps, survey, invitation, token);
    } catch {
      result.mailFailed += 1;
      logger.error('carry-over mail failed', { surveyId, invitationId: invitation.invitationId });
    }
  }
  return result;
}

async function requireInvitation(deps: SurveyAdminDeps, surveyId: string, invitationId: string) {
  const invitation = await deps.surveys.getInvitation(surveyId, invitationId);
  if (!invitation) throw notFound('invitation');
  return invitation;
}

export async function resendInvitation(deps: SurveyAdminDeps, surveyId: string, invitationId: string) {
  // 1. A revoked invitation stays revoked.
  const survey = await requireSurvey(deps, surveyId);
  const invitation = await requireInvitation(deps, surveyId, invitationId);
  if (invitation.revokedAt) throw new DomainError('gone', 'invitation revoked');
  // 2. Only hashes are stored, so the old link cannot be sent again: issue a new one, retire the old.
  const token = deps.newToken();
  const now = deps.now().toISOString();
  await deps.surveys.replaceToken(invitation, hashToken(token), now);
  const link = await sendLink(deps, survey, invitation, token);
  return {
    invitation: invitationView({ ...invitation, tokenHash: hashToken(token), lastSentAt: now }),
    link,
  };
}

export async function revokeInvitation(deps: SurveyAdminDeps, surveyId: string, invitationId: string) {
  const invitation = await requireInvitation(deps, surveyId, invitationId);
  if (invitation.revokedAt) return invitationView(invitation);
  const revokedAt = deps.now().toISOString();
  await deps.surveys.updateInvitation(invitation, { revokedAt });
  return invitationView({ ...invitation, revokedAt });
}

export async function sendReminders(deps: SurveyAdminDeps, surveyId: string): Promise<{ reminded: number }> {
  // 1. Everyone invited who has neither submitted nor been revoked, while the survey is open.
  const survey = await requireSurvey(deps, surveyId);
  if (Date.parse(survey.closesAt) <= deps.now().getTime()) throw new DomainError('closed', 'survey closed');
  const due = (await deps.surveys.listInvitations(surveyId)).filter(
    (invitation) => !invitation.submittedAt && !invitation.revokedAt,
  );
  // 2. Remind each one and count it.
  for (const invitation of due) {
    await deps.mailer.send(
      reminderMail({
        to: invitation.email,
        language: invitation.language,
        surveyTitle: survey.title,
        institutionName: invitation.institutionName,
        closesAt: survey.closesAt,
      }),
    );
    await deps.surveys.markInvitation(invitation, { reminderCount: invitation.reminderCount + 1 });
  }
  return { reminded: due.length };
}

/**
 * Open participation: an institution asks for a link itself. The link goes only to the given address
 * (which proves it), and the answer is the same whether or not the address was invited already.
 */
export async function requestParticipation(
  deps: SurveyAdminDeps,
  surveyId: string,
  input: { institutionName: string; email: string; language: Language },
): Promise<{ status: 'link_sent' }> {
  const survey = await deps.surveys.getSurvey(surveyId);
  if (!survey?.openParticipation) throw notFound('survey');
  try {
    await inviteInstitution(deps, surveyId, input);
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
  }
  return { status: 'link_sent' };
}
