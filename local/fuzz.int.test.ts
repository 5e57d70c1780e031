import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { routeEntries } from '../functions/routes';
import {
  defaultMaxBodyBytes,
  defaultMaxJsonDepth,
  needsSignIn,
  type RouteContract,
} from '../functions/shared/http/route';
import { accessTokenHeaders } from '../functions/shared/links/token-links';
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
  /** Appended to the query as it is, for escapes URLSearchParams would re-encode. */
  rawQuery?: string;
  body?: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
  /** Hostile input that must be refused with exactly this status and a field issue with this code. */
  refused?: { status: number; code: string; field?: RegExp };
}

/** The valid sample with its first string (or a new member) replaced by `text`. */
function withString(valid: unknown, text: string): unknown {
  const copy = structuredClone(valid);
  const pending: unknown[] = [copy];
  while (pending.length > 0) {
    const current = pending.shift();
    if (current === null || typeof current !== 'object') continue;
    for (const [key, value] of Object.entries(current)) {
      if (typeof value === 'string') {
        (current as Record<string, unknown>)[key] = text;
        return copy;
      }
      pending.push(value);
    }
  }
  return copy !== null && typeof copy === 'object' && !Array.isArray(copy) ? { ...copy, note: text } : [text];
}

/** Nesting, broken UTF-8, lone surrogates and NUL in the body: each refused with a 400 (or 413 for size). */
function hostileBodies(route: RouteContract, valid: unknown, random: Random): FuzzRequest[] {
  const path = fillPath(route, random, false);
  const bound = route.maxJsonDepth ?? defaultMaxJsonDepth;
  const limit = route.maxBodyBytes ?? defaultMaxBodyBytes;
  const nested = (levels: number) => `{"nested":${'['.repeat(levels)}${']'.repeat(levels)}}`;
  // As deep as the size limit allows (the stack overflow the bound prevents), and one level too deep.
  const deepest = Math.min(100_000, Math.floor((limit - 64) / 2));
  const tooDeep = { status: 400, code: 'too_deep', field: /^body(\.nested)?$/ };
  const invalid = (field: RegExp) => ({ status: 400, code: 'invalid_characters', field });
  const brokenUtf8 = Buffer.concat([
    Buffer.from(JSON.stringify(withString(valid, '<broken>')).split('"<broken>"')[0] ?? '{'),
    Buffer.from([0x22, 0x4d, 0xc3, 0x28, 0x22]),
    Buffer.from(JSON.stringify(withString(valid, '<broken>')).split('"<broken>"')[1] ?? '}'),
  ]);
  return [
    { what: 'nested to the size limit', path, query: {}, body: nested(deepest), refused: tooDeep },
    { what: 'nested one level too deep', path, query: {}, body: nested(bound), refused: tooDeep },
    {
      what: 'NUL in a string',
      path,
      query: {},
      body: JSON.stringify(withString(valid, 'a\u0000b')),
      refused: invalid(/^body\./),
    },
    {
      what: 'lone surrogate in a string',
      path,
      query: {},
      body: JSON.stringify(withString(valid, 'a\ud800')),
      refused: invalid(/^body\./),
    },
    {
      what: 'invalid UTF-8 in a string',
      path,
      query: {},
      body: Uint8Array.from(brokenUtf8),
      refused: invalid(/^body\./),
    },
  ];
}

/** NUL and an encoded lone surrogate (invalid UTF-8) in the query and the path parameters. */
function hostileParameters(route: RouteContract, random: Random): FuzzRequest[] {
  const schema = route.query as z.ZodObject | undefined;
  const name = Object.keys(schema?.shape ?? {})[0] ?? 'unexpected';
  const path = fillPath(route, random, false);
  const requests: FuzzRequest[] = [
    {
      what: 'NUL in the query',
      path,
      query: { [name]: 'a\u0000' },
      refused: { status: 400, code: 'invalid_characters', field: new RegExp(`^query\\.${name}$`) },
    },
    {
      what: 'encoded surrogate in the query',
      path,
      query: {},
      rawQuery: `${name}=%ED%A0%80`,
      refused: { status: 400, code: 'invalid_characters', field: new RegExp(`^query\\.${name}$`) },
    },
  ];
  if (/\{\w+\}/.test(route.path)) {
    requests.push({
      what: 'NUL in a path parameter',
      path: route.path.replace(/\{(\w+)\}/, '%00').replace(/\{(\w+)\+?\}/g, 'abc'),
      query: {},
      refused: { status: 400, code: 'invalid_characters', field: /^params\./ },
    });
  }
  return requests;
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
      ...hostileBodies(route, valid, random),
    );
  }
  requests.push(...hostileParameters(route, random));
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
        if (request.rawQuery)
          url.search = url.search ? `${url.search}&${request.rawQuery}` : request.rawQuery;
        const response = await fetch(url, {
          method: route.method,
          headers: {
            ...(request.body !== undefined
              ? { 'content-type': request.contentType ?? 'application/json' }
              : {}),
            ...(needsSignIn(route.access) ? { authorization: `Bearer ${token}` } : {}),
            // A well-formed link token that opens nothing, so that the body and parameters are checked.
            ...(route.access === 'invitation' ? accessTokenHeaders('fuzzfuzzfuzzfuzzfuzzfu') : {}),
          },
          ...(request.body !== undefined && route.method !== 'GET' ? { body: request.body } : {}),
        });
        const text = await response.text();
        const label = `${route.method} ${request.path} [${request.what}] → ${response.status}`;
        if (response.status >= 500) failures.push(`${label}: ${text.slice(0, 200)}`);
        let problem: { errors?: { field?: string; code?: string; reason?: string }[] } = {};
        if ([400, 413, 415].includes(response.status)) {
          problem = JSON.parse(text) as typeof problem;
          const named =
            problem.errors?.length && problem.errors.every((error) => error.field && error.reason);
          if (!named) failures.push(`${label}: no field named: ${text.slice(0, 200)}`);
        }
        const refused = request.refused;
        // Nesting beyond the size limit may be refused for its size first: 413 naming the body is right too.
        const tooLarge = response.status === 413 && refused?.code === 'too_deep';
        if (
          refused &&
          !tooLarge &&
          (response.status !== refused.status ||
            !problem.errors?.some(
              (error) =>
                error.code === refused.code && (!refused.field || refused.field.test(error.field ?? '')),
            ))
        ) {
          failures.push(`${label}: expected ${refused.status} ${refused.code}: ${text.slice(0, 200)}`);
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
