import { randomUUID } from 'node:crypto';
import { OfferingStore } from '../offerings/offering-store';
import { routes } from '../routes';
import { runtimeConfig } from '../shared/config/env';
import { retentionPolicyOf } from '../shared/domain/retention';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler, staffId } from '../shared/http/handler';
import { linkToken } from '../shared/http/link-token';
import { defaultMailer } from '../shared/mail/default-mailer';
import { defaultStore } from '../shared/store/client';
import {
  confirmOwnOfferings,
  ownOfferings,
  requestReconfirmation,
  updateOwnOfferings,
} from './offering-upkeep';
import { eraseContact, loadResponse, saveDraft, submitResponse } from './responding';
import {
  carryOverInvitations,
  createSurvey,
  importInvitations,
  invitationView,
  inviteInstitution,
  requestParticipation,
  requireSurvey,
  resendInvitation,
  revokeInvitation,
  type SurveyAdminDeps,
  sendReminders,
  surveyView,
} from './survey-admin';
import { SurveyStore } from './survey-store';
import { newInvitationToken } from './tokens';

function adminDeps(): SurveyAdminDeps {
  return {
    surveys: new SurveyStore(defaultStore()),
    mailer: defaultMailer(),
    now: () => new Date(),
    newId: randomUUID,
    newToken: newInvitationToken,
    publicBaseUrl: runtimeConfig().publicBaseUrl,
    retention: retentionPolicyOf(runtimeConfig().county.retention),
  };
}

function respondingDeps() {
  return {
    surveys: new SurveyStore(defaultStore()),
    offerings: new OfferingStore(defaultStore()),
    mailer: defaultMailer(),
    now: () => new Date(),
    retention: retentionPolicyOf(runtimeConfig().county.retention),
  };
}

function upkeepDeps() {
  return { ...respondingDeps(), newToken: newInvitationToken, publicBaseUrl: runtimeConfig().publicBaseUrl };
}

export const handler = featureLambda('survey', {
  createSurvey: httpHandler(routes.createSurvey, async ({ body }, context) =>
    createSurvey(adminDeps(), body, staffId(context)),
  ),
  listSurveys: httpHandler(routes.listSurveys, async () => ({
    surveys: (await adminDeps().surveys.listSurveys()).map(surveyView),
  })),
  getSurvey: httpHandler(routes.getSurvey, async ({ params }) =>
    surveyView(await requireSurvey(adminDeps(), params.surveyId)),
  ),
  createInvitation: httpHandler(routes.createInvitation, async ({ params, body }) =>
    inviteInstitution(adminDeps(), params.surveyId, body),
  ),
  importInvitations: httpHandler(routes.importInvitations, async ({ params, body }) =>
    importInvitations(adminDeps(), params.surveyId, body),
  ),
  listInvitations: httpHandler(routes.listInvitations, async ({ params }) => {
    const deps = adminDeps();
    await requireSurvey(deps, params.surveyId);
    return { invitations: (await deps.surveys.listInvitations(params.surveyId)).map(invitationView) };
  }),
  resendInvitation: httpHandler(routes.resendInvitation, async ({ params }) =>
    resendInvitation(adminDeps(), params.surveyId, params.invitationId),
  ),
  revokeInvitation: httpHandler(routes.revokeInvitation, async ({ params }) =>
    revokeInvitation(adminDeps(), params.surveyId, params.invitationId),
  ),
  carryOverInvitations: httpHandler(routes.carryOverInvitations, async ({ params }) =>
    carryOverInvitations(adminDeps(), params.surveyId),
  ),
  sendReminders: httpHandler(routes.sendReminders, async ({ params }) =>
    sendReminders(adminDeps(), params.surveyId),
  ),
  getResponse: httpHandler(routes.getResponse, async (_input, context) =>
    loadResponse(respondingDeps(), linkToken(context)),
  ),
  saveDraft: httpHandler(routes.saveDraft, async ({ body }, context) =>
    saveDraft(respondingDeps(), linkToken(context), body),
  ),
  submitResponse: httpHandler(routes.submitResponse, async ({ body }, context) =>
    submitResponse(respondingDeps(), linkToken(context), body),
  ),
  requestParticipation: httpHandler(routes.requestParticipation, async ({ params, body }) =>
    requestParticipation(adminDeps(), params.surveyId, body),
  ),
  ownOfferings: httpHandler(routes.ownOfferings, async (_input, context) =>
    ownOfferings(upkeepDeps(), linkToken(context)),
  ),
  updateOwnOfferings: httpHandler(routes.updateOwnOfferings, async ({ body }, context) =>
    updateOwnOfferings(upkeepDeps(), linkToken(context), body.offerings),
  ),
  confirmOwnOfferings: httpHandler(routes.confirmOwnOfferings, async (_input, context) =>
    confirmOwnOfferings(upkeepDeps(), linkToken(context)),
  ),
  requestReconfirmation: httpHandler(routes.requestReconfirmation, async ({ body }) =>
    requestReconfirmation(upkeepDeps(), body.olderThanDays),
  ),
  eraseContact: httpHandler(routes.eraseContact, async (_input, context) => {
    await eraseContact(respondingDeps(), linkToken(context));
    return {};
  }),
});
