import { routes } from '../routes';
import { runtimeConfig } from '../shared/config/env';
import { openDataLicenceOf } from '../shared/config/stage';
import { matchesEntityTag } from '../shared/http/conditional';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler, type RequestContext } from '../shared/http/handler';
import { RawResponse } from '../shared/http/route';
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
import { openDataCsv, openDataDirectory, openDataEtag } from './open-data';
import type { OpenDataDirectory } from './schemas';

const offerings = () => new OfferingStore(defaultStore());

function publisher() {
  const config = runtimeConfig();
  return {
    publisher: config.county.authority,
    licence: openDataLicenceOf(config.county),
    publicBaseUrl: config.publicBaseUrl,
  };
}

/**
 * An open-data answer: cacheable by anyone for five minutes, revalidated by its ETag (304 without a
 * body), readable by scripts on other sites, with its licence as a standard `Link` header. The
 * content is German whatever the caller's language, so shared caches must not vary it.
 */
function openDataAnswer(
  directory: OpenDataDirectory,
  format: 'json' | 'csv',
  context: RequestContext,
): RawResponse {
  const contentType = format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8';
  const etag = openDataEtag(directory, format);
  const headers: Record<string, string> = {
    'cache-control': 'public, max-age=300',
    etag,
    link: `<${directory.licence.url}>; rel="license"`,
    'access-control-allow-origin': '*',
    'content-language': 'de',
    ...(format === 'csv' ? { 'content-disposition': 'inline; filename="offerings.csv"' } : {}),
  };
  if (matchesEntityTag(context.headers['if-none-match'], etag)) {
    return new RawResponse('', contentType, 304, headers);
  }
  const body = format === 'json' ? JSON.stringify(directory) : openDataCsv(directory);
  return new RawResponse(body, contentType, 200, headers);
}

export const handler = featureLambda('offerings', {
  listOfferings: httpHandler(routes.listOfferings, async ({ query }) => listDirectory(offerings(), query)),
  openDataOfferingsJson: httpHandler(routes.openDataOfferingsJson, async (_input, context) =>
    openDataAnswer(await openDataDirectory(offerings(), publisher(), context.receivedAt), 'json', context),
  ),
  openDataOfferingsCsv: httpHandler(routes.openDataOfferingsCsv, async (_input, context) =>
    openDataAnswer(await openDataDirectory(offerings(), publisher(), context.receivedAt), 'csv', context),
  ),
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
