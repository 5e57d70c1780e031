import { isIPv4, isIPv6 } from 'node:net';
import { runtimeConfig } from '../config/env';
import { type LimitClass, RateLimits } from '../config/rate-limits';
import type { Language } from '../i18n/languages';
import { type MessageKey, translate } from '../i18n/messages';
import { accessTokenHeader } from '../links/token-links';
import { errorFields, logger } from '../log/logger';
import {
  cachedSalts,
  enforceLimits,
  type LimitCheck,
  type LimiterDeps,
  RateLimited,
} from '../rate-limit/limiter';
import { tableSalts } from '../rate-limit/salt-store';
import { defaultStore } from '../store/client';
import type { HttpEvent, HttpResult } from './handler';
import { problemDocument, problemTypeBase } from './problem';
import { type RouteContract, routeKey } from './route';

/**
 * The header CloudFront sets to the viewer's address and port (`198.51.100.7:46532`,
 * `2001:db8::7:46532`); its origin request policy forwards it to the API, and the local server sets it
 * from the socket the same way. `X-Forwarded-For` is never read: a viewer can write anything into it.
 */
export const viewerAddressHeader = 'cloudfront-viewer-address';

function withoutPort(value: string): string {
  const colon = value.lastIndexOf(':');
  return colon > 0 ? value.slice(0, colon) : value;
}

/** An IPv6 address's /64 network: one household or server gets a whole /64, so that is one client. */
function ipv6Network(address: string): string {
  const [head = '', tail] = address.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? headGroups
      : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** One client address as limits count it: IPv4 as it is, IPv4-mapped IPv6 as IPv4, IPv6 by its /64. */
export function normalizedAddress(raw: string): string | undefined {
  const address = raw.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return ipv6Network(address);
  return undefined;
}

/**
 * The client's address: CloudFront's viewer address where the request came through CloudFront (in
 * the cloud `sourceIp` is then CloudFront's own), else the connection's (a caller reaching the API
 * directly). Personal data: it only ever leaves this function as a salted hash.
 */
export function clientAddress(event: HttpEvent): string {
  const header = Object.entries(event.headers ?? {}).find(
    ([name]) => name.toLowerCase() === viewerAddressHeader,
  )?.[1];
  const viewer = header ? normalizedAddress(withoutPort(header)) : undefined;
  return viewer ?? normalizedAddress(event.requestContext?.http?.sourceIp ?? '') ?? 'unknown';
}

/** The link's token of a link route, from the header it travels in (never the path); see link-token.ts. */
function tokenOf(event: HttpEvent): string | undefined {
  return event.headers?.[accessTokenHeader.toLowerCase()]?.trim() || undefined;
}

function recipientOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : undefined;
}

function conversationOf(body: unknown): string | undefined {
  const id = (body as { conversation?: { id?: unknown } } | undefined)?.conversation?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * `received` runs before the body is parsed, so junk is counted too; `parsed` runs on valid requests
 * only (those that can send mail or reach a token's data), where the body names the recipient or the
 * conversation.
 */
export type LimitPhase = 'received' | 'parsed';

const phaseOf: Record<LimitClass, LimitPhase> = {
  address: 'received',
  mail: 'parsed',
  recipient: 'parsed',
  token: 'parsed',
  conversation: 'parsed',
};

function subjectOf(limitClass: LimitClass, event: HttpEvent, body: unknown): string | undefined {
  switch (limitClass) {
    case 'address':
    case 'mail':
      return clientAddress(event);
    case 'recipient':
      return recipientOf(body);
    case 'token':
      return tokenOf(event);
    case 'conversation':
      return conversationOf(body);
  }
}

/** What a route counts in one phase, in the order of its contract. */
export function limitChecks(
  route: Pick<RouteContract, 'limits'>,
  phase: LimitPhase,
  event: HttpEvent,
  body: unknown,
): LimitCheck[] {
  return (route.limits ?? [])
    .filter((limitClass) => phaseOf[limitClass] === phase)
    .flatMap((limitClass) => {
      const subject = subjectOf(limitClass, event, body);
      return subject === undefined ? [] : [{ limitClass, subject }];
    });
}

let limiter: LimiterDeps | undefined;

const failedOpen: LimiterDeps['failedOpen'] = (limitClass, error) =>
  logger.warn('rate limit not checked: the store could not count', { limitClass, ...errorFields(error) });

/**
 * The process's limiter on the configured table. Where it cannot even be made (no store configured),
 * every count fails, so each class's failure policy decides, as when the store is down.
 */
function defaultLimiter(): LimiterDeps {
  if (limiter) return limiter;
  try {
    const store = defaultStore();
    limiter = {
      counters: store,
      salts: cachedSalts(tableSalts(store)),
      limits: runtimeConfig().rateLimits,
      now: () => new Date(),
      failedOpen,
    };
    return limiter;
  } catch (error) {
    const unavailable = async (): Promise<never> => {
      throw error;
    };
    return {
      counters: { countWithin: unavailable },
      salts: { daySalt: unavailable },
      limits: RateLimits.parse({}),
      now: () => new Date(),
      failedOpen,
    };
  }
}

/** Counts the request against the route's limits of this phase; throws `RateLimited` when refused. */
export async function enforceRouteLimits(
  route: RouteContract,
  phase: LimitPhase,
  event: HttpEvent,
  body: unknown,
): Promise<void> {
  const checks = limitChecks(route, phase, event, body);
  if (checks.length === 0) return;
  try {
    await enforceLimits(defaultLimiter(), checks);
  } catch (error) {
    if (error instanceof RateLimited) {
      // The class and the route only: the subject is personal data.
      logger.info('rate limited', {
        routeKey: routeKey(route),
        limitClass: error.limitClass,
        unavailable: error.unavailable,
      });
    }
    throw error;
  }
}

/**
 * 429 with `Retry-After` and a problem document in the caller's language saying what was counted and
 * how long to wait; 503 with `Retry-After` where a class that fails closed could not be counted.
 */
export function rateLimitedResult(
  error: RateLimited,
  language: Language,
  correlationId: string,
  instance: string | undefined,
): HttpResult {
  const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
  const limited = problemDocument('rate_limited', language, {
    correlationId,
    ...(instance ? { instance } : {}),
  });
  const document = error.unavailable
    ? {
        ...limited,
        type: `${problemTypeBase}rate-limit-unavailable`,
        title: translate(language, 'rateLimits.unavailableTitle'),
        status: 503,
        detail: translate(language, 'rateLimits.unavailable'),
      }
    : {
        ...limited,
        detail: translate(language, `rateLimits.${error.limitClass}` as MessageKey, { minutes }),
      };
  return {
    statusCode: document.status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'content-language': language,
      'cache-control': 'no-store',
      'retry-after': String(error.retryAfterSeconds),
      'x-correlation-id': correlationId,
    },
    body: JSON.stringify({ ...document, retryAfter: error.retryAfterSeconds }),
  };
}
