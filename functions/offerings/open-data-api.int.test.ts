import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSignedInStack } from '../../local/testing/local-stack';
import { neutralise } from '../shared/csv';
import { accessTokenHeaders, tokenOfLink } from '../shared/links/token-links';
import { completeAnswers } from '../survey/testing/fixtures';
import { csvColumns } from './open-data';
import { OpenDataDirectory } from './schemas';

const contact = {
  name: 'Erika Beispielperson',
  role: 'Leitung',
  email: 'erika.beispiel@example.org',
  phone: '0931 4711',
};
const run = randomUUID().slice(0, 8);
const titles = {
  approved: `Sprachcafé ${run}`,
  formula: `=HYPERLINK("https://evil.example/${run}","Klick")`,
  pending: `Wartet auf Prüfung ${run}`,
  rejected: `Abgelehnt ${run}`,
  notConsented: `Nicht veröffentlichen ${run}`,
  approvedLater: `Später freigegeben ${run}`,
};

describe('open data through the local server', () => {
  const stack = useSignedInStack('admin'); // approving offerings is for admins only
  const json = { 'content-type': 'application/json' };

  const send = (method: string, path: string, body: unknown, headers: Record<string, string> = stack.staff) =>
    fetch(`${stack.url}${path}`, { method, headers, body: JSON.stringify(body) });

  async function pendingOffering(title: string) {
    const queue = (await (
      await fetch(`${stack.url}/api/staff/offerings`, { headers: stack.staff })
    ).json()) as {
      offerings: { offeringId: string; title: string; version: number }[];
    };
    const offering = queue.offerings.find((candidate) => candidate.title === title);
    if (!offering) throw new Error(`"${title}" is not waiting for review`);
    return offering;
  }

  async function approve(title: string) {
    const offering = await pendingOffering(title);
    const answer = await send('POST', `/api/staff/offerings/${offering.offeringId}/approve`, {
      version: offering.version,
    });
    expect(answer.status).toBe(200);
  }

  /** One institution reports six offerings (five consented), staff approve two and reject one. */
  beforeAll(async () => {
    const survey = await send('POST', '/api/staff/surveys', {
      title: `Open data ${run}`,
      opensAt: '2026-01-01T00:00:00+01:00',
      closesAt: '2099-01-01T00:00:00+01:00',
      openParticipation: false,
    });
    const { surveyId } = (await survey.json()) as { surveyId: string };
    const invited = await send('POST', `/api/staff/surveys/${surveyId}/invitations`, {
      institutionName: `Caritas ${run}`,
      email: `info-${run}@caritas.example`,
      language: 'de',
    });
    const token = tokenOfLink(((await invited.json()) as { link: string }).link);

    const answers = completeAnswers();
    answers.institution.name = `Caritas ${run}`;
    const [template] = answers.offerings;
    if (!template) throw new Error('the fixture has no offering');
    const offering = (title: string, publish = true) => ({
      ...template,
      offeringId: randomUUID(),
      title,
      places: ['whole-county', 'ochsenfurt'],
      targetGroups: ['adults' as const, 'women' as const],
      cost: 'reduced' as const,
      costNote: '-50 % mit Sozialpass',
      publish,
    });
    answers.offerings = [
      offering(titles.approved),
      offering(titles.formula),
      offering(titles.pending),
      offering(titles.rejected),
      offering(titles.notConsented, false),
      offering(titles.approvedLater),
    ];
    const saved = await send(
      'PUT',
      '/api/survey/draft',
      { answers, contact, version: 0, language: 'de' },
      { ...json, ...accessTokenHeaders(token) },
    );
    expect(saved.status).toBe(200);
    const { version } = (await saved.json()) as { version: number };
    const submitted = await send(
      'POST',
      '/api/survey/submit',
      { version },
      { ...json, ...accessTokenHeaders(token) },
    );
    expect(submitted.status, await submitted.text()).toBe(200);

    await approve(titles.approved);
    await approve(titles.formula);
    const rejected = await pendingOffering(titles.rejected);
    const rejection = await send('POST', `/api/staff/offerings/${rejected.offeringId}/reject`, {
      version: rejected.version,
      reason: 'Kein Angebot für Zugewanderte',
    });
    expect(rejection.status).toBe(200);
  });

  async function openDataJson() {
    const response = await fetch(`${stack.url}/api/open-data/offerings.json`);
    expect(response.status).toBe(200);
    const text = await response.text();
    return { response, text, directory: OpenDataDirectory.parse(JSON.parse(text)) };
  }

  it('publishes approved, consented offerings only, with the default licence and no contact person', async () => {
    const { response, text, directory } = await openDataJson();

    const ours = directory.offerings.filter((offering) => offering.title.includes(run));
    expect(ours.map((offering) => offering.title).sort()).toEqual([titles.approved, titles.formula].sort());
    expect(directory.count).toBe(directory.offerings.length);
    expect(directory.licence).toEqual({
      id: 'dl-de/by-2-0',
      name: 'Datenlizenz Deutschland – Namensnennung 2.0',
      url: 'https://www.govdata.de/dl-de/by-2-0',
    });
    expect(directory.publisher).toContain('Landratsamt Würzburg');
    expect(directory.source).toBe(`${stack.url}/offerings`);
    expect(ours[0]?.institutionName).toBe(`Caritas ${run}`);
    expect(ours[0]?.places).toEqual([
      { id: 'whole-county', name: 'Ganzer Landkreis Würzburg' },
      { id: 'ochsenfurt', name: 'Ochsenfurt' },
    ]);
    for (const personal of [contact.name, contact.email, contact.phone, `info-${run}@caritas.example`]) {
      expect(text).not.toContain(personal);
    }
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('link')).toBe('<https://www.govdata.de/dl-de/by-2-0>; rel="license"');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('serves the same offerings as CSV that parses back to the JSON values, formulas neutralised', async () => {
    const { directory } = await openDataJson();
    const response = await fetch(`${stack.url}/api/open-data/offerings.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('link')).toBe('<https://www.govdata.de/dl-de/by-2-0>; rel="license"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/\n/);

    const [header, ...rows] = parse(text, { bom: true }) as string[][];
    expect(header).toEqual([...csvColumns]);
    const expected = directory.offerings.map((offering) => {
      const cells: Record<string, string> = {
        ...Object.fromEntries(Object.entries(offering).filter(([, value]) => typeof value === 'string')),
        targetGroups: offering.targetGroups.join('; '),
        languages: offering.languages.join('; '),
        places: offering.places.map((place) => place.id).join('; '),
        placeNames: offering.places.map((place) => place.name).join('; '),
      };
      return csvColumns.map((column) => neutralise(cells[column] ?? ''));
    });
    expect(rows).toEqual(expected);

    const titleAt = csvColumns.indexOf('title');
    const formulaRow = rows.find((row) => row[titleAt]?.includes(`evil.example/${run}`));
    expect(formulaRow?.[titleAt]).toBe(`'${titles.formula}`);
    expect(formulaRow?.[csvColumns.indexOf('costNote')]).toBe("'-50 % mit Sozialpass");
    expect(formulaRow?.[csvColumns.indexOf('targetGroups')]).toBe('adults; women');
    expect(text).not.toContain(contact.name);
  });

  it('answers 304 to a matching If-None-Match until an offering is approved', async () => {
    const first = await fetch(`${stack.url}/api/open-data/offerings.json`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"json-/);

    const unchanged = await fetch(`${stack.url}/api/open-data/offerings.json`, {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
    expect(unchanged.headers.get('etag')).toBe(etag);

    const csv = await fetch(`${stack.url}/api/open-data/offerings.csv`, {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(csv.status).toBe(200);

    await approve(titles.approvedLater);
    const changed = await fetch(`${stack.url}/api/open-data/offerings.json`, {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const directory = OpenDataDirectory.parse(await changed.json());
    expect(directory.offerings.map((offering) => offering.title)).toContain(titles.approvedLater);
  });

  it('describes both routes in the OpenAPI document, the JSON with its schema', async () => {
    const document = (await (await fetch(`${stack.url}/api/openapi.json`)).json()) as {
      paths: Record<
        string,
        {
          get?: {
            tags: string[];
            responses: Record<string, { content?: Record<string, { schema?: { properties?: object } }> }>;
          };
        }
      >;
    };
    const jsonRoute = document.paths['/api/open-data/offerings.json']?.get;
    expect(jsonRoute?.tags).toEqual(['Open data']);
    expect(
      Object.keys(jsonRoute?.responses['200']?.content?.['application/json']?.schema?.properties ?? {}),
    ).toEqual(['title', 'publisher', 'licence', 'generatedAt', 'source', 'count', 'offerings']);
    expect(document.paths['/api/open-data/offerings.csv']?.get?.responses['200']?.content).toHaveProperty(
      'text/csv',
    );
  });
});
