import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpLambda } from '../functions/shared/http/handler';
import { type FunctionName, functionNames } from '../functions/shared/http/route';
import { viewerRequestFunction } from '../lib/constructs/spa-rewrite';
import { createLocalServer, movedLinkRedirect } from './server';

const token = 'q1W2e3R4t5Y6u7I8o9P0aS';
const workshopId = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** Old links (token in the path) and where they lead now (token in the fragment). */
const moved: [string, string][] = [
  [`/survey/${token}?lang=de`, `/survey?lang=de#${token}`],
  [`/survey/${token}`, `/survey#${token}`],
  [`/survey/${token}/`, `/survey#${token}`],
  [`/interview/${token}?lang=en`, `/interview?lang=en#${token}`],
  [`/workshop/registration/${token}?lang=uk`, `/workshop/registration?lang=uk#${token}`],
  [
    `/workshop/${workshopId}/invitation/${token}?lang=tr`,
    `/workshop/${workshopId}/invitation?lang=tr#${token}`,
  ],
];

/** Paths that are no old link: client-side routes, files and the API pass on as before. */
const unmoved = [
  '/survey',
  `/survey/join/${workshopId}`,
  '/survey/short',
  '/interview',
  `/workshop/${workshopId}`,
  '/workshop/registration',
  '/staff/surveys',
  `/api/survey/${token}`,
  '/assets/index-1a2b.js',
];

const viewerRequest = viewerRequestFunction();

function cloudFront(pathAndQuery: string) {
  const url = new URL(pathAndQuery, 'https://wegweiser.example');
  const querystring: Record<string, { value: string }> = {};
  for (const [name, value] of url.searchParams) querystring[name] = { value };
  return viewerRequest({ request: { uri: url.pathname, querystring } });
}

describe('old links with the token in the path', () => {
  let server: ReturnType<typeof createLocalServer>;
  let base: string;

  beforeAll(async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'wegweiser-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Wegweiser</title>');
    const unused: HttpLambda = async () => ({ statusCode: 500 });
    server = createLocalServer({
      handlers: Object.fromEntries(functionNames.map((name) => [name, unused])) as Record<
        FunctionName,
        HttpLambda
      >,
      webRoot,
      devTokenSecret: 'x'.repeat(32),
      includeLocalOnly: true,
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it.each(moved)('CloudFront redirects %s once to %s, uncached and without a Referer', (from, to) => {
    expect(cloudFront(from)).toEqual({
      statusCode: 302,
      statusDescription: 'Found',
      headers: {
        location: { value: to },
        'cache-control': { value: 'no-store' },
        'referrer-policy': { value: 'no-referrer' },
      },
    });
  });

  it.each(moved)('the local server redirects %s to %s like CloudFront', async (from, to) => {
    const response = await fetch(`${base}${from}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(to);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const fromCloud = cloudFront(from);
    expect('headers' in fromCloud && fromCloud.headers.location?.value).toBe(
      response.headers.get('location'),
    );
    // The target holds the token only in the fragment, which the browser keeps to itself.
    const target = new URL(to, base);
    expect(`${target.pathname}${target.search}`).not.toContain(token);
    expect(target.hash).toBe(`#${token}`);
  });

  it.each(unmoved)('neither redirects %s', async (path) => {
    const fromCloud = cloudFront(path);
    expect(fromCloud).not.toHaveProperty('statusCode');
    expect(movedLinkRedirect(new URL(path, base))).toBeUndefined();
    const response = await fetch(`${base}${path}`, { redirect: 'manual' });
    expect(response.status).not.toBe(302);
  });

  it('keeps every value of a repeated query parameter, as CloudFront hands them over', () => {
    const answer = viewerRequest({
      request: {
        uri: `/survey/${token}`,
        querystring: { lang: { value: 'de', multiValue: [{ value: 'de' }, { value: 'en' }] } },
      },
    });
    expect('headers' in answer && answer.headers.location?.value).toBe(`/survey?lang=de&lang=en#${token}`);
    expect(movedLinkRedirect(new URL(`${base}/survey/${token}?lang=de&lang=en`))?.headers.location).toBe(
      `/survey?lang=de&lang=en#${token}`,
    );
  });
});
