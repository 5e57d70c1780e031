import { describe, expect, it } from 'vitest';
import { accessOf } from '../../../lib/function-access';
import { routeEntries } from '../../routes';
import { languages } from '../i18n/languages';
import { translate } from '../i18n/messages';
import { RateLimited } from '../rate-limit/limiter';
import { clientAddress, limitChecks, normalizedAddress, rateLimitedResult } from './rate-limit';
import { needsSignIn, routeKey } from './route';
import { httpEvent } from './testing';

const event = (headers: Record<string, string> = {}, pathParameters?: Record<string, string>) =>
  httpEvent({ routeKey: 'POST /api/x/{token}', headers, ...(pathParameters ? { pathParameters } : {}) });

describe('the client address the limits count', () => {
  it("is CloudFront's viewer address where the request came through CloudFront", () => {
    expect(clientAddress(event({ 'cloudfront-viewer-address': '198.51.100.7:46532' }))).toBe('198.51.100.7');
    expect(clientAddress(event({ 'CloudFront-Viewer-Address': '198.51.100.7:1' }))).toBe('198.51.100.7');
  });

  it('is the connection address without it (a caller reaching the API directly, the tests)', () => {
    expect(clientAddress(event())).toBe('127.0.0.1');
  });

  it('never believes X-Forwarded-For, which any viewer can write', () => {
    expect(clientAddress(event({ 'x-forwarded-for': '203.0.113.99' }))).toBe('127.0.0.1');
    expect(
      clientAddress(
        event({ 'x-forwarded-for': '203.0.113.99', 'cloudfront-viewer-address': '198.51.100.7:46532' }),
      ),
    ).toBe('198.51.100.7');
  });

  it('counts an IPv6 client by its /64 network, and IPv4-mapped addresses as IPv4', () => {
    expect(clientAddress(event({ 'cloudfront-viewer-address': '2001:db8:0:12:a:b:c:d:46532' }))).toBe(
      '2001:db8:0:12::/64',
    );
    expect(normalizedAddress('2001:db8:0:12::1')).toBe(normalizedAddress('2001:db8:0:12:ffff::9'));
    expect(normalizedAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(normalizedAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizedAddress('not an address')).toBeUndefined();
  });

  it('falls back to the connection when the header is not an address', () => {
    expect(clientAddress(event({ 'cloudfront-viewer-address': 'garbage' }))).toBe('127.0.0.1');
  });
});

describe('what each route counts', () => {
  const publicRoutes = routeEntries.filter(([, route]) => !needsSignIn(route.access) && !route.localOnly);

  it.each(publicRoutes.map(([id, route]) => [id, route] as const))(
    '%s (reachable without sign-in) declares its limits, if its function can count them',
    (_, route) => {
      // Without table access (the platform function answers from its environment) nothing can be
      // counted; API Gateway's stage throttling bounds those routes.
      if (accessOf(route.function).table !== 'readWrite') {
        expect(route.limits).toBeUndefined();
        return;
      }
      expect(route.limits?.length).toBeGreaterThan(0);
      if (route.access === 'bot') expect(route.limits).toEqual(['conversation']);
      else expect(route.limits).toContain('address');
    },
  );

  it('limits every route with a link token per token, and only those', () => {
    for (const [, route] of routeEntries) {
      expect(route.limits?.includes('token') ?? false, routeKey(route)).toBe(route.access === 'invitation');
    }
  });

  it('limits every route API Gateway throttles for sending mail by mail, and by recipient where the body names one', () => {
    const strangerMail = routeEntries.filter(([, route]) => route.limits?.includes('recipient'));
    expect(strangerMail.map(([, route]) => routeKey(route)).sort()).toEqual([
      'POST /api/surveys/{surveyId}/participation',
      'POST /api/workshops/{workshopId}/registrations',
    ]);
    for (const [, route] of strangerMail) {
      expect(route.limits).toContain('mail');
      expect(Object.keys((route.body as unknown as { shape: object }).shape)).toContain('email');
    }
  });

  it('counts the address on arrival and the rest once the request is valid', () => {
    const route = { limits: ['address', 'mail', 'recipient', 'token'] as const };
    const request = event({ 'cloudfront-viewer-address': '198.51.100.7:1', 'wegweiser-access-token': 'tok' });
    expect(limitChecks(route, 'received', request, undefined)).toEqual([
      { limitClass: 'address', subject: '198.51.100.7' },
    ]);
    expect(limitChecks(route, 'parsed', request, { email: ' Erika@Example.org ' })).toEqual([
      { limitClass: 'mail', subject: '198.51.100.7' },
      { limitClass: 'recipient', subject: 'erika@example.org' },
      { limitClass: 'token', subject: 'tok' },
    ]);
    expect(
      limitChecks({ limits: ['conversation'] }, 'parsed', request, { conversation: { id: 'c-1' } }),
    ).toEqual([{ limitClass: 'conversation', subject: 'c-1' }]);
  });

  it('counts a link route by the token in its header, never by a path parameter', () => {
    const route = { limits: ['token'] as const };
    expect(limitChecks(route, 'parsed', event({ 'wegweiser-access-token': 'abc' }), undefined)).toEqual([
      { limitClass: 'token', subject: 'abc' },
    ]);
    expect(limitChecks(route, 'parsed', event({}, { token: 'abc' }), undefined)).toEqual([]);
  });
});

describe('the answer above a limit', () => {
  it.each(languages.map((language) => language.code))(
    'is a 429 problem with Retry-After, saying how long to wait, in %s',
    (language) => {
      const result = rateLimitedResult(new RateLimited('mail', 125), language, 'corr-1234', '/api/x');
      expect(result.statusCode).toBe(429);
      expect(result.headers?.['retry-after']).toBe('125');
      expect(result.headers?.['content-type']).toContain('application/problem+json');
      const problem = JSON.parse(result.body ?? '{}') as Record<string, unknown>;
      expect(problem).toMatchObject({
        type: '/problems/rate-limited',
        status: 429,
        title: translate(language, 'problems.rate_limited.title'),
        detail: translate(language, 'rateLimits.mail', { minutes: 3 }),
        retryAfter: 125,
        instance: '/api/x',
      });
      expect(problem.detail).toContain('3');
    },
  );

  it('is a 503 with Retry-After where a class that fails closed could not be counted', () => {
    const result = rateLimitedResult(new RateLimited('recipient', 30, true), 'de', 'corr-1234', undefined);
    expect(result.statusCode).toBe(503);
    expect(result.headers?.['retry-after']).toBe('30');
    expect(JSON.parse(result.body ?? '{}')).toMatchObject({
      status: 503,
      title: translate('de', 'rateLimits.unavailableTitle'),
    });
  });
});
