import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSignedInStack } from '../../local/testing/local-stack';
import { OpenDataDirectory } from '../offerings/schemas';
import { accessTokenHeaders, tokenOfLink } from '../shared/links/token-links';
import { completeAnswers } from '../survey/testing/fixtures';
import {
  type EvaluationReport,
  PublishedEvaluation,
  PublishedEvaluationList,
  PublishedEvaluationSummary,
  ReportPreview,
  ReportTexts,
} from './schemas';

const run = randomUUID().slice(0, 8);
const contact = { name: 'Erika Beispiel', role: 'Leitung', email: 'erika@example.org', phone: '0931 123' };
const json = { 'content-type': 'application/json' };

/**
 * Five institutions answer: three in education (two in Ochsenfurt, one alone in Aub) and two in the
 * social sector (Ochsenfurt). So the social sector is a cell of 2 and Aub a cell of 1; both must never
 * be published with their number.
 */
const institutions = [
  { name: `Schule Nord ${run}`, sector: 'education', place: 'ochsenfurt', need: 'language' },
  { name: `Schule Süd ${run}`, sector: 'education', place: 'ochsenfurt', need: 'language' },
  { name: `Einzige in Aub ${run}`, sector: 'education', place: 'aub', need: 'language' },
  { name: `Sozialverein Eins ${run}`, sector: 'social', place: 'ochsenfurt', need: 'housing' },
  { name: `Sozialverein Zwei ${run}`, sector: 'social', place: 'ochsenfurt', need: 'housing' },
] as const;
const secretText = `Wohnraum ist knapp ${run}`;
/** Sozialverein Eins consents to being quoted; its text may appear, never next to its name. */
const consentedText = `Sozialwohnungen fehlen ${run}`;

/** Every count of institutions in the report (interview counts and staff findings are not). */
function institutionCounts(report: EvaluationReport): number[] {
  return report.sections.flatMap((section) =>
    section.tables
      .filter((table) => table.id !== 'findings-interviews')
      .flatMap((table) =>
        table.rows.flatMap((row) =>
          row.cells.flatMap((cell, index) =>
            'count' in cell && !(table.id === 'findings-topics' && index > 0) ? [cell.count] : [],
          ),
        ),
      ),
  );
}

function cell(report: EvaluationReport, tableId: string, rowKey: string) {
  return report.sections
    .flatMap((section) => section.tables)
    .find((table) => table.id === tableId)
    ?.rows.find((row) => row.key === rowKey)?.cells[0];
}

/** Nothing that could identify an institution: no name, no cell of 1 or 2, no unconsented text. */
function expectDisclosed(report: EvaluationReport) {
  const text = JSON.stringify(report);
  for (const institution of institutions) expect(text).not.toContain(institution.name);
  expect(text).not.toContain(secretText);
  expect(text).not.toContain('erika');
  expect(institutionCounts(report).filter((count) => count === 1 || count === 2)).toEqual([]);
  expect(cell(report, 'progress-sector', 'social')).toEqual({ suppressed: 'small' });
  expect(cell(report, 'progress-place', 'aub')).toEqual({ suppressed: 'small' });
  const needs = report.sections.find((section) => section.id === 'needs');
  expect(needs?.quotes).toEqual([
    { text: consentedText, lang: 'de', dir: 'ltr', about: 'Wohnen', source: 'institution' },
  ]);
}

describe('the evaluation report through the local server', () => {
  const stack = useSignedInStack('admin'); // approving offerings is for admins only
  let surveyId = '';

  const send = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = stack.staff,
  ) =>
    fetch(`${stack.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    const created = await send('POST', '/api/staff/surveys', {
      title: `Bericht ${run}`,
      opensAt: '2026-01-01T00:00:00+01:00',
      closesAt: '2099-01-01T00:00:00+01:00',
      openParticipation: false,
    });
    surveyId = ((await created.json()) as { surveyId: string }).surveyId;
    for (const institution of institutions) {
      const invited = await send('POST', `/api/staff/surveys/${surveyId}/invitations`, {
        institutionName: institution.name,
        email: `${randomUUID()}@example.org`,
        language: 'de',
      });
      expect(invited.status).toBe(201);
      const token = tokenOfLink(((await invited.json()) as { link: string }).link);
      const answers = completeAnswers();
      answers.institution = { ...answers.institution, name: institution.name, sector: institution.sector };
      answers.institution.places = [institution.place];
      answers.offerings = answers.offerings.map((offering) => ({
        ...offering,
        title: `${offering.title} ${institution.name}`,
        places: [institution.place],
      }));
      answers.needs = {
        categories: [institution.need],
        description: institution.name.startsWith('Sozialverein Eins')
          ? consentedText
          : institution.need === 'housing'
            ? secretText
            : '',
        mostHelpful: '',
      };
      answers.opening = { ...answers.opening, obstacles: institution.place === 'aub' ? secretText : '' };
      answers.privacy = {
        ...answers.privacy,
        quoteConsent: institution.name.startsWith('Sozialverein Eins'),
      };
      const saved = await send(
        'PUT',
        '/api/survey/draft',
        { answers, contact, version: 0, language: 'de' },
        { ...json, ...accessTokenHeaders(token) },
      );
      expect(saved.status).toBe(200);
      const { version } = (await saved.json()) as { version: number };
      expect(
        (await send('POST', '/api/survey/submit', { version }, { ...json, ...accessTokenHeaders(token) }))
          .status,
      ).toBe(200);
    }
  });

  it('previews the report for staff with every small cell suppressed', async () => {
    const response = await send('GET', `/api/staff/surveys/${surveyId}/report`);

    expect(response.status).toBe(200);
    const preview = ReportPreview.parse(await response.json());
    expectDisclosed(preview.report);
    expect(cell(preview.report, 'method-states', 'submitted')).toEqual({ count: 5 });
    expect(cell(preview.report, 'progress-sector', 'education')).toEqual({ suppressed: 'secondary' });
    expect(preview.texts).toEqual({ version: 0, texts: {} });
  });

  it('saves section texts over the version read, and refuses a stale save with 409', async () => {
    const path = `/api/staff/surveys/${surveyId}/report/texts`;
    const first = await send('PUT', path, { expectedVersion: 0, texts: { needs: 'Sprachkurse fehlen.' } });
    const stale = await send('PUT', path, { expectedVersion: 0, texts: { needs: 'Überschrieben?' } });
    const second = await send('PUT', path, {
      expectedVersion: 1,
      texts: { needs: 'Sprachkurse fehlen überall.', method: 'Dank an alle.' },
    });

    expect(ReportTexts.parse(await first.json())).toEqual({
      version: 1,
      texts: { needs: 'Sprachkurse fehlen.' },
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { type: string }).type).toContain('version-conflict');
    expect(second.status).toBe(200);
    const preview = ReportPreview.parse(
      await (await send('GET', `/api/staff/surveys/${surveyId}/report`)).json(),
    );
    expect(preview.texts.version).toBe(2);
    expect(preview.report.sections.find((section) => section.id === 'needs')?.staffText).toBe(
      'Sprachkurse fehlen überall.',
    );
  });

  it('refuses texts for an unknown section, naming the field', async () => {
    const response = await send('PUT', `/api/staff/surveys/${surveyId}/report/texts`, {
      expectedVersion: 2,
      texts: { chapter9: 'x' },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('texts');
  });

  let publicationId = '';

  it('publishes once per idempotency key, and a replay answers the same publication', async () => {
    const path = `/api/staff/surveys/${surveyId}/report/publications`;
    const key = { ...stack.staff, 'idempotency-key': `publish-${run}` };
    const first = await send('POST', path, undefined, key);
    const replay = await send('POST', path, undefined, key);

    expect(first.status).toBe(201);
    const published = PublishedEvaluationSummary.parse(await first.json());
    expect(PublishedEvaluationSummary.parse(await replay.json())).toEqual(published);
    publicationId = published.publicationId;
    const preview = ReportPreview.parse(
      await (await send('GET', `/api/staff/surveys/${surveyId}/report`)).json(),
    );
    expect(preview.publications.map((publication) => publication.publicationId)).toEqual([publicationId]);
  });

  it.each(['de', 'ar'] as const)('lists it publicly with its summary in %s', async (lang) => {
    const response = await fetch(`${stack.url}/api/concept/evaluations?lang=${lang}`);

    expect(response.status).toBe(200);
    const list = PublishedEvaluationList.parse(await response.json());
    const mine = list.evaluations.find((evaluation) => evaluation.publicationId === publicationId);
    expect(mine).toMatchObject({ title: `Bericht ${run}`, summaryLanguage: lang });
    expect(mine?.summary).toContain(lang === 'de' ? 'Einrichtungen haben' : 'شاركت');
    expect(mine?.summary).toMatch(/5/);
    expect(JSON.stringify(list)).not.toContain(stack.staff.authorization?.slice(7, 40) ?? 'none');
  });

  it.each(['en', 'ar'] as const)('shows the whole German report publicly, disclosed, in %s', async (lang) => {
    const response = await fetch(`${stack.url}/api/concept/evaluations/${publicationId}?lang=${lang}`);

    expect(response.status).toBe(200);
    const page = PublishedEvaluation.parse(await response.json());
    expect(page.summaryLanguage).toBe(lang);
    expect(page.report.sections[0]?.heading).toBe('Methode');
    expectDisclosed(page.report);
    expect(JSON.stringify(page)).not.toMatch(/"(sub|email|staff|createdBy)"/);
  });

  it('answers 404 for a publication that does not exist', async () => {
    const response = await fetch(`${stack.url}/api/concept/evaluations/${randomUUID()}?lang=de`);
    expect(response.status).toBe(404);
  });

  it('keeps open data to approved, consented offerings, without any count', async () => {
    const queue = (await (await send('GET', '/api/staff/offerings')).json()) as {
      offerings: { offeringId: string; title: string; version: number }[];
    };
    const approve = queue.offerings.find((offering) => offering.title.endsWith(institutions[0].name));
    if (!approve) throw new Error('the consented offering is not waiting for review');
    expect(
      (await send('POST', `/api/staff/offerings/${approve.offeringId}/approve`, { version: approve.version }))
        .status,
    ).toBe(200);

    const directory = OpenDataDirectory.parse(
      await (await fetch(`${stack.url}/api/open-data/offerings.json`)).json(),
    );
    const ours = directory.offerings.filter((offering) => offering.title.includes(run));
    expect(ours.map((offering) => offering.title)).toEqual([approve.title]);
    // No figures: the file lists offerings (its `count` is the number of entries in the file), nothing
    // counted per sector, place or category.
    expect(directory.count).toBe(directory.offerings.length);
    for (const offering of directory.offerings) {
      expect(Object.keys(offering).filter((key) => /count|total|number|sector/i.test(key))).toEqual([]);
    }
    expect(JSON.stringify(directory)).not.toContain(secretText);
  });
});
