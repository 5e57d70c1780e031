import { securityHeaderValues } from '../lib/constructs/security-header-values';

/**
 * Exactly the security headers CloudFront's response headers policy adds in the cloud (HSTS too, which
 * browsers ignore over plain http://localhost), so tests see what users get. The only difference is
 * the sign-in origin in `connect-src`: locally the dev sign-in is the site itself.
 * infra-tests/security-headers.test.ts compares both.
 */
export const securityHeaders: Record<string, string> = securityHeaderValues();
