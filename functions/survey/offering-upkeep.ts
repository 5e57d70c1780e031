import { publicView } from '../offerings/directory';
import type { OfferingStore } from '../offerings/offering-store';
import { publishReportedOfferings } from '../offerings/publishing';
import { DomainError } from '../shared/domain/errors';
import { translate } from '../shared/i18n/messages';
import type { Mailer } from '../shared/mail/mailer';
import { letter } from './mails';
import type { Offering } from './questionnaire';
import type { SurveyStore } from './survey-store';
import { hashToken, invitationLink } from './tokens';

/**
 * The directory outlives the survey: through its link an institution sees, updates, withdraws and
 * confirms its offerings at any time (changes go through review again), and staff can ask for a
 * re-confirmation of offerings not confirmed for a while.
 */
export interface UpkeepDeps {
  surveys: SurveyStore;
  offerings: OfferingStore;
  mailer: Mailer;
  now: () => Date;
  newToken: () => string;
  publicBaseUrl: string;
}

async function invitationOf(deps: Pick<UpkeepDeps, 'surveys'>, token: string) {
  const tokenRecord = await deps.surveys.getToken(hashToken(token));
  if (!tokenRecord) throw new DomainError('not_found', 'unknown token');
  if (tokenRecord.retiredAt) throw new DomainError('gone', 'token retired');
  const invitation = await deps.surveys.getInvitation(tokenRecord.surveyId, tokenRecord.invitationId);
  if (!invitation || invitation.revokedAt) throw new DomainError('gone', 'invitation revoked');
  return invitation;
}

export async function ownOfferings(deps: UpkeepDeps, token: string) {
  const invitation = await invitationOf(deps, token);
  const offerings = await deps.offerings.listOfInvitation(invitation.invitationId);
  return {
    offerings: offerings.map((offering) => ({
      ...publicView(offering),
      status: offering.status,
      ...(offering.rejectionReason ? { rejectionReason: offering.rejectionReason } : {}),
    })),
  };
}

export async function updateOwnOfferings(deps: UpkeepDeps, token: string, offerings: Offering[]) {
  // 1. Allowed after the survey closed too; the survey's answers themselves stay as submitted.
  const invitation = await invitationOf(deps, token);
  const incomplete = offerings.flatMap((offering, index) =>
    offering.publish &&
    (!offering.title ||
      !offering.description ||
      !offering.category ||
      !offering.cost ||
      offering.places.length === 0)
      ? [{ field: `body.offerings.${index}`, code: 'required' }]
      : [],
  );
  if (incomplete.length > 0) throw new DomainError('validation', 'incomplete offering', incomplete);
  // 2. Changed or new consented offerings go to review; the rest are withdrawn.
  const draft = await deps.surveys.getDraft(invitation.invitationId);
  return publishReportedOfferings(deps.offerings, {
    surveyId: invitation.surveyId,
    invitationId: invitation.invitationId,
    institutionName: draft?.answers.institution.name || invitation.institutionName,
    offerings,
    at: deps.now().toISOString(),
  });
}

export async function confirmOwnOfferings(deps: UpkeepDeps, token: string) {
  const invitation = await invitationOf(deps, token);
  const at = deps.now().toISOString();
  let confirmed = 0;
  for (const offering of await deps.offerings.listOfInvitation(invitation.invitationId)) {
    if (offering.status === 'withdrawn' || offering.status === 'rejected') continue;
    await deps.offerings.save({ ...offering, lastConfirmedAt: at });
    confirmed += 1;
  }
  return { confirmed };
}

/**
 * Asks every institution whose approved offerings were last confirmed before the limit to confirm or
 * update them. Only hashes of links are stored, so each request carries a new link (the old retires).
 */
export async function requestReconfirmation(deps: UpkeepDeps, olderThanDays: number) {
  const limit = new Date(deps.now().getTime() - olderThanDays * 24 * 60 * 60 * 1000).toISOString();
  const due = (await deps.offerings.listByStatus('approved')).filter(
    (offering) => offering.lastConfirmedAt < limit,
  );
  const byInvitation = new Map<string, typeof due>();
  for (const offering of due)
    byInvitation.set(offering.invitationId, [...(byInvitation.get(offering.invitationId) ?? []), offering]);
  let institutions = 0;
  for (const [invitationId, offerings] of byInvitation) {
    const first = offerings[0];
    if (!first) continue;
    const invitation = await deps.surveys.getInvitation(first.surveyId, invitationId);
    if (!invitation || invitation.revokedAt) continue;
    const token = deps.newToken();
    await deps.surveys.replaceToken(invitation, hashToken(token), deps.now().toISOString());
    const language = invitation.language;
    const params = {
      institution: invitation.institutionName,
      titles: offerings.map((offering) => `- ${offering.title}`).join('\n'),
      link: invitationLink(deps.publicBaseUrl, token, language),
    };
    await deps.mailer.send({
      to: [invitation.email],
      language,
      purpose: 'offering-reconfirmation',
      subject: translate(language, 'surveyMail.reconfirmationSubject', params),
      text: letter(language, translate(language, 'surveyMail.reconfirmationBody', params)),
    });
    institutions += 1;
  }
  return { institutions, offerings: due.length };
}
