/**
 * CloudFront Function (runtime 2.0, viewer request) for the single-page app.
 *
 * 1. An old link with its token in the path (`/survey/<token>`, `/interview/<token>`,
 *    `/workshop/registration/<token>`, `/workshop/<id>/invitation/<token>`) is answered with one redirect
 *    to the same page with the token in the fragment (`/survey?lang=de#<token>`), never cached and sent
 *    with no Referer onwards. Old links in mailboxes keep working; from then on the token stays out of
 *    every log. (This one request's path is still in the access log: it was sent before we could answer.)
 * 2. A path whose last segment has no dot is a client-side route (`/staff/callback`, `/survey`) and is
 *    answered with `/index.html`; files (`/assets/index-3f2a.js`) and the API pass unchanged. The query
 *    string is kept.
 *
 * The local server runs this same source (local/server.ts), so both answer old links alike.
 */
export const spaRewriteSource = `var movedLinks = [
  [/^\\/survey\\/([A-Za-z0-9_-]{22,64})\\/?$/, '/survey'],
  [/^\\/interview\\/([A-Za-z0-9_-]{22,64})\\/?$/, '/interview'],
  [/^\\/workshop\\/registration\\/([A-Za-z0-9_-]{22,64})\\/?$/, '/workshop/registration'],
  [/^\\/workshop\\/([0-9A-Fa-f-]{36})\\/invitation\\/([A-Za-z0-9_-]{22,64})\\/?$/, '/workshop/$1/invitation']
];

function queryOf(querystring) {
  var parts = [];
  for (var name in querystring) {
    var entry = querystring[name];
    var values = entry.multiValue ? entry.multiValue : [entry];
    for (var i = 0; i < values.length; i++) {
      parts.push(encodeURIComponent(name) + (values[i].value === '' ? '' : '=' + encodeURIComponent(values[i].value)));
    }
  }
  return parts.length > 0 ? '?' + parts.join('&') : '';
}

function movedLink(uri, querystring) {
  for (var i = 0; i < movedLinks.length; i++) {
    var match = movedLinks[i][0].exec(uri);
    if (!match) continue;
    var page = movedLinks[i][1].replace('$1', match[1]);
    return page + queryOf(querystring) + '#' + match[match.length - 1];
  }
  return undefined;
}

function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.startsWith('/api/')) return request;
  var moved = movedLink(uri, request.querystring || {});
  if (moved) {
    return {
      statusCode: 302,
      statusDescription: 'Found',
      headers: {
        location: { value: moved },
        'cache-control': { value: 'no-store' },
        'referrer-policy': { value: 'no-referrer' }
      }
    };
  }
  var lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/** The viewer-request event and answers as far as this function reads and writes them. */
export interface ViewerRequest {
  uri: string;
  querystring: Record<string, { value: string; multiValue?: { value: string }[] }>;
}
export interface ViewerResponse {
  statusCode: number;
  statusDescription: string;
  headers: Record<string, { value: string }>;
}

/** The function as JavaScript, for the local server and the tests (it is our own constant source). */
export function viewerRequestFunction(): (event: {
  request: ViewerRequest;
}) => ViewerRequest | ViewerResponse {
  return new Function(`${spaRewriteSource}; return handler;`)();
}
