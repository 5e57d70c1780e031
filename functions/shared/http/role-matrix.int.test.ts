import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSignedInStack } from '../../../local/testing/local-stack';
import { hashPassword, saveDevUser } from '../../dev/dev-sign-in';
import { routeEntries } from '../../routes';
import { type MatrixRole, matrixRoles, readmePromise, roleMatrixRows } from './role-matrix';
import type { RouteContract } from './route';

const password = 'role-matrix-password';
/** The expectations come from the README's matrix, not from the code under test. */
const readmeRows = roleMatrixRows(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8'),
);
/** One account per group holding that group alone, so each column of the matrix is tested by itself. */
const singleGroupRoles = ['staff', 'admin', 'steering'] as const;

/** A concrete path for a template: ids that exist nowhere, a valid language, a link token of the right shape. */
function concretePath(route: RouteContract): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'language') return 'de';
    if (name === 'token') return 'A'.repeat(43);
    return '00000000-0000-4000-8000-000000000000';
  });
}

describe('every route × every role through the local server on DynamoDB Local', () => {
  const stack = useSignedInStack('admin');
  const tokens = new Map<MatrixRole, string>();

  async function tokenOf(role: Exclude<MatrixRole, 'none'>): Promise<string> {
    const known = tokens.get(role);
    if (known) return known;
    const email = `only-${role}@role-matrix.test`;
    await saveDevUser(stack.store, {
      email,
      groups: [role],
      passwordHash: hashPassword(password),
      sub: `role-matrix-${role}`,
    });
    const response = await fetch(`${stack.url}/api/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    tokens.set(role, token);
    return token;
  }

  async function statusOf(route: RouteContract, role: MatrixRole): Promise<number> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (role !== 'none') headers.authorization = `Bearer ${await tokenOf(role)}`;
    // An empty object: allowed callers get a validation problem instead of changing anything.
    const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
    if (hasBody) headers['content-type'] = 'application/json';
    const response = await fetch(`${stack.url}${concretePath(route)}`, {
      method: route.method,
      headers,
      ...(hasBody ? { body: '{}' } : {}),
    });
    await response.arrayBuffer();
    return response.status;
  }

  // The Bot Framework endpoint is authenticated by the Bot SDK with the Bot Connector's token (not set
  // up locally): a staff token must make no difference there, which the last test checks instead.
  const matrixRoutes = routeEntries.filter(([, route]) => route.access !== 'bot');

  it.each(matrixRoutes)('%s answers each role as the README says', async (id, route) => {
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const role of matrixRoles) {
      const status = await statusOf(route, role);
      const allowed = readmePromise(readmeRows, id, role);
      expect(allowed, `README row for ${id}`).toBeDefined();
      expected[role] = allowed ? 'let in' : role === 'none' ? '401' : '403';
      actual[role] =
        status === 401 || status === 403 ? String(status) : status === 404 && !allowed ? '404' : 'let in';
    }
    expect(actual).toEqual(expected);
  });

  it('answers a Bot Framework route the same with or without a staff token', async () => {
    const botRoutes = routeEntries.filter(([, route]) => route.access === 'bot');
    expect(botRoutes.length).toBeGreaterThan(0);
    for (const [, route] of botRoutes) {
      const withoutToken = await statusOf(route, 'none');
      for (const role of singleGroupRoles) expect(await statusOf(route, role)).toBe(withoutToken);
    }
  });
});
