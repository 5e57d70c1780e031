/**
 * CloudFront Function (runtime 2.0, viewer request) for the single-page app: a path whose last segment
 * has no dot is a client-side route (`/staff/callback`, `/survey/abc`) and is answered with
 * `/index.html`; files (`/assets/index-3f2a.js`) and the API pass unchanged. The query string is kept.
 */
export const spaRewriteSource = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.startsWith('/api/')) return request;
  var lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;
