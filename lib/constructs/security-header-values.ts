/**
 * The security headers of every answer, as plain values without CDK, so that CloudFront's response
 * headers policy (security-headers.ts) and the local server (local/security-headers.ts) are built from
 * the same definitions; infra-tests/security-headers.test.ts checks the synthesized policy against them.
 */

/** Direct Line 3.0, which the web chat uses in the cloud (`/api/chat/token` gives it a token). */
export const directLineOrigins = 'https://directline.botframework.com wss://directline.botframework.com';

/** Two years, with subdomains: the county's domain is HTTPS only. */
export const hstsMaxAgeSeconds = 730 * 24 * 60 * 60;

export const frameOption = 'DENY';
export const referrerPolicy = 'strict-origin-when-cross-origin';

/**
 * Content-Security-Policy for the Vite build: scripts only from the site itself (Vite emits no inline
 * scripts), inline styles for component style attributes, no plugins, no framing. `connect-src` adds
 * the sign-in origin, which the front end fetches tokens from (the cloud's Cognito; locally the dev
 * sign-in is the site itself, so none), and Azure's Direct Line (HTTPS for posting, a WebSocket for
 * the bot's replies).
 */
export function contentSecurityPolicy(signInOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${signInOrigin ? ` ${signInOrigin}` : ''} ${directLineOrigins}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The headers as a browser receives them (lower-case names), for the local server and the drift test. */
export function securityHeaderValues(signInOrigin?: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(signInOrigin),
    'strict-transport-security': `max-age=${hstsMaxAgeSeconds}; includeSubDomains`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': frameOption,
    'referrer-policy': referrerPolicy,
  };
}
