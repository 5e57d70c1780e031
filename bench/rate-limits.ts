import autocannon, { type Request } from 'autocannon';
import { defaultRateLimits, type LimitClass, type RateLimits } from '../functions/shared/config/rate-limits';
import type { LocalStack } from '../local/stack';
import { signIn } from '../local/testing/local-stack';
import { round } from './bundles';

/** One bounded run above a limit: how fast refusals are, how many, and that none is a server error. */
export interface LimitFigure {
  scenario: string;
  limitClass: LimitClass;
  /** The limit in force, e.g. "60 / 600 s". */
  limit: string;
  connections: number;
  requests: number;
  admitted: number;
  refused429: number;
  share429: number;
  errors5xx: number;
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
}

/**
 * Limits so high that the latency scenarios never reach them (they send far more than any person from
 * one address): those scenarios measure the handlers with the limiter counting, its write included.
 */
export const liftedRateLimits: RateLimits = {
  address: { limit: 1_000_000, windowSeconds: 86_400 },
  mail: { limit: 1_000_000, windowSeconds: 86_400 },
  recipient: { limit: 1_000_000, windowSeconds: 86_400 },
  token: { limit: 1_000_000, windowSeconds: 86_400 },
  conversation: { limit: 1_000_000, windowSeconds: 86_400 },
};

async function run(
  scenario: string,
  limitClass: LimitClass,
  options: { url: string; amount: number; requests?: Request[] },
): Promise<LimitFigure> {
  const connections = 10;
  const result = await autocannon({
    url: options.url,
    connections,
    amount: options.amount,
    timeout: 10,
    ...(options.requests ? { requests: options.requests } : {}),
  });
  const counts = result.statusCodeStats ?? {};
  const count = (predicate: (status: number) => boolean) =>
    Object.entries(counts)
      .filter(([status]) => predicate(Number(status)))
      .reduce((sum, [, stats]) => sum + (stats.count ?? 0), 0);
  const total = result.requests.total;
  const limit = defaultRateLimits[limitClass];
  const figure: LimitFigure = {
    scenario,
    limitClass,
    limit: `${limit.limit} / ${limit.windowSeconds} s`,
    connections,
    requests: total,
    admitted: count((status) => status >= 200 && status < 300),
    refused429: count((status) => status === 429),
    share429: round(count((status) => status === 429) / Math.max(total, 1)),
    errors5xx: result['5xx'],
    p50Ms: round(result.latency.p50),
    p99Ms: round(result.latency.p99),
    requestsPerSecond: round(result.requests.average),
  };
  // The point of the run: above the limit the API refuses, quickly and cleanly, and never fails.
  if (figure.errors5xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${scenario}: ${figure.errors5xx} 5xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  if (figure.refused429 === 0) throw new Error(`${scenario}: the run never reached the ${limitClass} limit`);
  return figure;
}

/**
 * Bounded runs on loopback above the default limits, on a stack with the defaults: a public route that
 * sends mail (workshop registration, each request another address, so the per-address mail limit is
 * what refuses), then the directory search (the per-address limit over all public routes).
 */
export async function measureRateLimits(stack: LocalStack): Promise<LimitFigure[]> {
  const staff = {
    authorization: `Bearer ${await signIn(stack.url, 'staff')}`,
    'content-type': 'application/json',
  };
  const created = await fetch(`${stack.url}/api/staff/workshops`, {
    method: 'POST',
    headers: staff,
    body: JSON.stringify({
      title: 'Bench',
      startsAt: '2099-03-10T14:00:00+01:00',
      endsAt: '2099-03-10T18:00:00+01:00',
      place: 'Landratsamt',
      capacity: 50,
      registrationClosesAt: '2099-03-01T00:00:00+01:00',
    }),
  });
  const { workshopId } = (await created.json()) as { workshopId: string };
  let next = 0;
  const mail = await run('POST /api/workshops/{id}/registrations (each another address)', 'mail', {
    url: stack.url,
    amount: 600,
    requests: [
      {
        setupRequest: (request: Request): Request => {
          next += 1;
          return {
            ...request,
            method: 'POST',
            path: `/api/workshops/${workshopId}/registrations`,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              name: 'Bench',
              email: `bench-${next}@example.org`,
              institution: 'VHS',
              language: 'de',
            }),
          };
        },
      },
    ],
  });
  const search = await run('GET /api/offerings?q=deutsch', 'address', {
    url: `${stack.url}/api/offerings?q=deutsch`,
    amount: 3000,
  });
  return [mail, search];
}

export function rateLimitTable(figures: readonly LimitFigure[]): string[] {
  return [
    '| above the limit | class | limit | requests | admitted | 429 | 429 share | 5xx | p50 (ms) | p99 (ms) | req/s |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...figures.map(
      (f) =>
        `| ${f.scenario} | ${f.limitClass} | ${f.limit} | ${f.requests} | ${f.admitted} | ${f.refused429} | ${f.share429} | ${f.errors5xx} | ${f.p50Ms} | ${f.p99Ms} | ${f.requestsPerSecond} |`,
    ),
  ];
}
