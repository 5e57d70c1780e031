import { randomUUID } from 'node:crypto';
import { routes } from '../routes';
import { runtimeConfig } from '../shared/config/env';
import { retentionPolicyOf } from '../shared/domain/retention';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler } from '../shared/http/handler';
import { defaultMailer } from '../shared/mail/default-mailer';
import { defaultStore } from '../shared/store/client';
import { SurveyStore } from '../survey/survey-store';
import { newInvitationToken } from '../survey/tokens';
import { WorkshopStore } from '../workshops/workshop-store';
import { erasePerson, exportPerson, type PeopleDeps } from './people';
import { PeopleStore } from './people-store';

function deps(): PeopleDeps {
  const store = defaultStore();
  return {
    people: new PeopleStore(store),
    workshops: {
      workshops: new WorkshopStore(store),
      surveys: new SurveyStore(store),
      mailer: defaultMailer(),
      now: () => new Date(),
      newId: randomUUID,
      newToken: newInvitationToken,
      publicBaseUrl: runtimeConfig().publicBaseUrl,
      retention: retentionPolicyOf(runtimeConfig().county.retention),
    },
    now: () => new Date(),
  };
}

export const handler = featureLambda('people', {
  exportPerson: httpHandler(routes.exportPerson, async ({ body }) => exportPerson(deps(), body)),
  erasePerson: httpHandler(routes.erasePerson, async ({ body }) => erasePerson(deps(), body)),
});
