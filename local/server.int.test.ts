import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accessTokenHeaders } from '../functions/shared/links/token-links';
import { demoInvitationToken } from './demo-data';
import { seedDemoData } from './seed';
import { type LocalStack, startLocalStack } from './stack';
import { signIn, startTestStack } from './testing/local-stack';

describe('the local server', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers the health check through the platform function', async () => {
    const response = await fetch(`${stack.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', stage: 'local' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves an OpenAPI 3.1 document with every route, local-only ones marked', async () => {
    const document = (await (await fetch(`${stack.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { 'x-local-only'?: boolean; 'x-access': string }>>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/staff/me']?.get?.['x-access']).toBe('member');
    expect(document.paths['/api/dev/sign-in']?.post?.['x-local-only']).toBe(true);
  });

  it('seeds demo offerings and a working demo invitation', async () => {
    const directory = (await (await fetch(`${stack.url}/api/offerings?limit=100`)).json()) as {
      total: number;
    };
    expect(directory.total).toBeGreaterThanOrEqual(6);
    const demo = await fetch(`${stack.url}/api/survey`, { headers: accessTokenHeaders(demoInvitationToken) });
    expect(demo.status).toBe(200);
  });

  it('refuses staff routes without a valid token, as the JWT authorizer does', async () => {
    expect((await fetch(`${stack.url}/api/staff/me`)).status).toBe(401);
    const forged = await fetch(`${stack.url}/api/staff/me`, {
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' },
    });
    expect(forged.status).toBe(401);
  });

  it('hands the token claims to the handler as the cloud authorizer would', async () => {
    const token = await signIn(stack.url, 'staff');
    const response = await fetch(`${stack.url}/api/staff/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      email: 'staff@wegweiser.local',
      groups: ['staff'],
      isAdmin: false,
    });
  });

  it('refuses a wrong dev password with a localized 401', async () => {
    const response = await fetch(`${stack.url}/api/dev/sign-in?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@wegweiser.local', password: 'wrong' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { title: string }).title).toBe('Sign-in required');
  });

  it('answers unknown API paths and methods with problems, and app paths with the web page', async () => {
    expect((await fetch(`${stack.url}/api/nope`)).status).toBe(404);
    expect((await fetch(`${stack.url}/api/health`, { method: 'DELETE' })).status).toBe(405);
    const page = await fetch(`${stack.url}/staff/some/deep/link`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });
});

describe('the on-disk store', () => {
  it('keeps data across a restart and seeds demo data only once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-data-'));
    const first = await startLocalStack({ port: 0, dataDir, tableName: 'restart-test' });
    await first.store.put({ pk: 'PROBE', sk: 'PROBE', note: 'written before restart' });
    await first.stop();

    const second = await startLocalStack({ port: 0, dataDir, tableName: 'restart-test' });
    try {
      const kept = await second.store.get({ pk: 'PROBE', sk: 'PROBE' }, z.object({ note: z.string() }));
      expect(kept?.note).toBe('written before restart');
      expect(await seedDemoData(second.store)).toEqual([]);
      await signIn(second.url, 'admin');
    } finally {
      await second.stop();
    }
    // Two DynamoDB Local processes on disk start one after the other: slower than one test's default.
  }, 90_000);
});
