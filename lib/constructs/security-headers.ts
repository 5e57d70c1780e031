import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

/**
 * Content-Security-Policy for the Vite build: scripts only from the site itself (Vite emits no inline
 * scripts), inline styles for component style attributes, no plugins, no framing. The same as the
 * local server's (local/security-headers.ts) plus `object-src 'none'` and the sign-in origin, which
 * the front end fetches tokens from and which only the cloud has, and Azure's Direct Line (HTTPS for
 * posting, a WebSocket for the bot's replies), which the web chat talks to in the cloud.
 */
/** Direct Line 3.0, which the web chat uses in the cloud (`/api/chat/token` gives it a token). */
export const directLineOrigins = 'https://directline.botframework.com wss://directline.botframework.com';

export function contentSecurityPolicy(signInOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${signInOrigin} ${directLineOrigins}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The headers CloudFront adds to every answer, the site's and the API's alike. */
export function securityHeadersPolicy(
  scope: Construct,
  id: string,
  signInOrigin: string,
): ResponseHeadersPolicy {
  return new ResponseHeadersPolicy(scope, id, {
    comment: 'Wegweiser security headers',
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(signInOrigin), override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(730),
        includeSubdomains: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: {
        referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
    },
  });
}
