import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { routeEntries } from '../functions/routes';
import { needsSignIn, type RouteContract } from '../functions/shared/http/route';
import {
  malformedVariants,
  type Random,
  seededRandom,
  validSample,
} from '../functions/shared/testing/samples';
import type { LocalStack } from './stack';
import { signIn, startTestStack } from './testing/local-stack';

/**
 * For every route in the route table: seeded random malformed requests through the real local server
 * and store. None may get a 5xx; every validation answer names the failing field. The budget per route
 * is small in `npm test` and larger in `npm run fuzz` (WEGWEISER_FUZZ_BUDGET).
 */
const budget = Number(process.env.WEGWEISER_FUZZ_BUDGET ?? 12);
const seed = Number(process.env.WEGWEISER_FUZZ_SEED ?? 20261125);

const junk = [
  '',
  ' ',
  '-1',
  '0',
  'abc',
  '9'.repeat(40),
  '%00',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'ü'.repeat(300),
  '{"a":1}',
  'null',
];

interface FuzzRequest {
  what: string;
  path: string;
  query: Record<string, string>;
  body?: string;
  contentType?: string;
}

function fillPath(route: RouteContract, random: Random, mangle: boolean): string {
  return route.path.replace(/\{(\w+)\+?\}/g, () =>
    encodeURIComponent(mangle ? (junk[Math.floor(random() * junk.length)] ?? 'x') || 'x' : 'abc'),
  );
}

function randomQuery(route: RouteContract, random: Random): Record<string, string> {
  const schema = route.query as z.ZodObject | undefined;
  const names = Object.keys(schema?.shape ?? {});
  const query: Record<string, string> = {};
  for (const name of [...names, 'unexpected']) {
    if (random() < 0.5) query[name] = junk[Math.floor(random() * junk.length)] ?? '';
  }
  return query;
}

function requestsFor(route: RouteContract, random: Random): FuzzRequest[] {
  const requests: FuzzRequest[] = [];
  if (route.body) {
    let valid: unknown = {};
    try {
      valid = validSample(route.body, random);
    } catch {
      // schemas with shapes the generator cannot make still get the raw variants below
    }
    for (const variant of malformedVariants(route.body, valid, random)) {
      requests.push({
        what: variant.what,
        path: fillPath(route, random, false),
        query: {},
        body: JSON.stringify(variant.value),
      });
    }
    requests.push(
      { what: 'invalid JSON', path: fillPath(route, random, false), query: {}, body: '{"unterminated": ' },
      {
        what: 'text/plain',
        path: fillPath(route, random, false),
        query: {},
        body: JSON.stringify(valid),
        contentType: 'text/plain',
      },
      {
        what: 'oversized',
        path: fillPath(route, random, false),
        query: {},
        body: JSON.stringify({ x: 'x'.repeat(1024 * 1024) }),
      },
      { what: 'empty body', path: fillPath(route, random, false), query: {}, body: '' },
    );
  }
  while (requests.length < budget) {
    requests.push({
      what: 'random query and path',
      path: fillPath(route, random, true),
      query: randomQuery(route, random),
      ...(route.body ? { body: JSON.stringify(junk[Math.floor(random() * junk.length)]) } : {}),
    });
  }
  return requests.slice(0, Math.max(budget, requests.length));
}

describe('route-table fuzzing', () => {
  let stack: LocalStack;
  let token: string;

  beforeAll(async () => {
    stack = await startTestStack();
    token = await signIn(stack.url, 'admin');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it.each(routeEntries.map(([id, route]) => [id, route] as const))(
    '%s never answers malformed requests with a 5xx and names failing fields',
    async (id, route) => {
      const random = seededRandom(seed + id.length * 7919);
      const failures: string[] = [];
      for (const request of requestsFor(route, random)) {
        const url = new URL(`${stack.url}${request.path}`);
        for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, value);
        const response = await fetch(url, {
          method: route.method,
          headers: {
            ...(request.body !== undefined
              ? { 'content-type': request.contentType ?? 'application/json' }
              : {}),
            ...(needsSignIn(route.access) ? { authorization: `Bearer ${token}` } : {}),
          },
          ...(request.body !== undefined && route.method !== 'GET' ? { body: request.body } : {}),
        });
        const text = await response.text();
        const label = `${route.method} ${request.path} [${request.what}] → ${response.status}`;
        if (response.status >= 500) failures.push(`${label}: ${text.slice(0, 200)}`);
        if ([400, 413, 415].includes(response.status)) {
          const problem = JSON.parse(text) as { errors?: { field?: string; reason?: string }[] };
          const named =
            problem.errors?.length && problem.errors.every((error) => error.field && error.reason);
          if (!named) failures.push(`${label}: no field named: ${text.slice(0, 200)}`);
        }
        if (
          response.status >= 400 &&
          !response.headers.get('content-type')?.includes('application/problem+json')
        ) {
          failures.push(`${label}: not problem+json`);
        }
      }
      expect(failures).toEqual([]);
    },
  );
});
