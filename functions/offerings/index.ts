import { routes } from '../routes';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler } from '../shared/http/handler';
import { defaultStore } from '../shared/store/client';
import {
  approveOffering,
  editOffering,
  getPublicOffering,
  listDirectory,
  rejectOffering,
  reviewQueue,
} from './directory';
import { OfferingStore } from './offering-store';

const offerings = () => new OfferingStore(defaultStore());

export const handler = featureLambda('offerings', {
  listOfferings: httpHandler(routes.listOfferings, async ({ query }) => listDirectory(offerings(), query)),
  getOffering: httpHandler(routes.getOffering, async ({ params }) =>
    getPublicOffering(offerings(), params.offeringId),
  ),
  reviewQueue: httpHandler(routes.reviewQueue, async ({ query }) => reviewQueue(offerings(), query.status)),
  approveOffering: httpHandler(routes.approveOffering, async ({ params, body }, context) =>
    approveOffering(offerings(), params.offeringId, body.version, context.receivedAt),
  ),
  rejectOffering: httpHandler(routes.rejectOffering, async ({ params, body }, context) =>
    rejectOffering(offerings(), params.offeringId, body, context.receivedAt),
  ),
  editOffering: httpHandler(routes.editOffering, async ({ params, body }, context) =>
    editOffering(offerings(), params.offeringId, body, context.receivedAt),
  ),
});
