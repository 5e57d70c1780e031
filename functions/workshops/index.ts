import { randomUUID } from 'node:crypto';
import { routes } from '../routes';
import { runtimeConfig } from '../shared/config/env';
import { retentionPolicyOf } from '../shared/domain/retention';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler, staffId } from '../shared/http/handler';
import { linkToken } from '../shared/http/link-token';
import { RawResponse } from '../shared/http/route';
import { defaultMailer } from '../shared/mail/default-mailer';
import { defaultStore } from '../shared/store/client';
import { SurveyStore } from '../survey/survey-store';
import { newInvitationToken } from '../survey/tokens';
import { WorkshopStore } from './workshop-store';
import {
  announceWorkshop,
  cancelOwnRegistration,
  createWorkshop,
  getPublicWorkshop,
  getStaffWorkshop,
  listRegistrations,
  listWorkshops,
  ownRegistration,
  recordResults,
  registrationsCsv,
  requestRegistration,
  type WorkshopDeps,
  workshopInvitation,
} from './workshops';

function deps(): WorkshopDeps {
  return {
    workshops: new WorkshopStore(defaultStore()),
    surveys: new SurveyStore(defaultStore()),
    mailer: defaultMailer(),
    now: () => new Date(),
    newId: randomUUID,
    newToken: newInvitationToken,
    publicBaseUrl: runtimeConfig().publicBaseUrl,
    retention: retentionPolicyOf(runtimeConfig().county.retention),
  };
}

export const handler = featureLambda('workshops', {
  createWorkshop: httpHandler(routes.createWorkshop, async ({ body }, context) =>
    createWorkshop(deps(), body, staffId(context)),
  ),
  listWorkshops: httpHandler(routes.listWorkshops, async () => ({ workshops: await listWorkshops(deps()) })),
  getStaffWorkshop: httpHandler(routes.getStaffWorkshop, async ({ params }) =>
    getStaffWorkshop(deps(), params.workshopId),
  ),
  announceWorkshop: httpHandler(routes.announceWorkshop, async ({ params, body }) =>
    announceWorkshop(deps(), params.workshopId, body.surveyId),
  ),
  listWorkshopRegistrations: httpHandler(routes.listWorkshopRegistrations, async ({ params }) => ({
    registrations: await listRegistrations(deps(), params.workshopId),
  })),
  exportWorkshopRegistrations: httpHandler(
    routes.exportWorkshopRegistrations,
    async ({ params }, context) => {
      const csv = await registrationsCsv(deps(), params.workshopId, context.language);
      return new RawResponse(csv, 'text/csv; charset=utf-8', 200, {
        'content-disposition': `attachment; filename="workshop-${params.workshopId}.csv"`,
        'cache-control': 'no-store',
      });
    },
  ),
  recordWorkshopResults: httpHandler(routes.recordWorkshopResults, async ({ params, body }) =>
    recordResults(deps(), params.workshopId, body.findings),
  ),
  getWorkshop: httpHandler(routes.getWorkshop, async ({ params }) =>
    getPublicWorkshop(deps(), params.workshopId),
  ),
  getWorkshopInvitation: httpHandler(routes.getWorkshopInvitation, async ({ params }, context) =>
    workshopInvitation(deps(), params.workshopId, linkToken(context)),
  ),
  registerForWorkshop: httpHandler(routes.registerForWorkshop, async ({ params, body }) =>
    requestRegistration(deps(), params.workshopId, body),
  ),
  ownWorkshopRegistration: httpHandler(routes.ownWorkshopRegistration, async (_input, context) =>
    ownRegistration(deps(), linkToken(context)),
  ),
  cancelWorkshopRegistration: httpHandler(routes.cancelWorkshopRegistration, async (_input, context) =>
    cancelOwnRegistration(deps(), linkToken(context)),
  ),
});
