import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { defaultOpenDataLicence } from '../shared/config/stage';
import type { OfferingRecord } from './offering-store';
import { csvColumns, openDataCsv, openDataDirectory, openDataEtag } from './open-data';
import { OpenDataDirectory } from './schemas';

function record(overrides: Partial<OfferingRecord> = {}): OfferingRecord {
  return {
    offeringId: crypto.randomUUID(),
    title: 'Deutschkurs am Abend',
    description: 'Deutsch für Erwachsene, A1 bis B1',
    textLanguage: 'de',
    category: 'language_courses',
    targetGroups: ['adults'],
    languages: ['de', 'ar'],
    places: ['ochsenfurt'],
    address: 'Hauptstraße 1, 97199 Ochsenfurt',
    schedule: 'Dienstags 18 Uhr',
    cost: 'free',
    costNote: '',
    registration: '',
    officeContact: 'Geschäftsstelle, 09331 123',
    url: '',
    invitationId: 'invitation-1',
    surveyId: 'survey-1',
    institutionName: 'Volkshochschule Ochsenfurt',
    status: 'approved',
    reportedAt: '2026-02-01T10:00:00.000Z',
    updatedAt: '2026-02-02T10:00:00.000Z',
    lastConfirmedAt: '2026-02-01T10:00:00.000Z',
    contentDigest: 'digest',
    version: 2,
    ...overrides,
  };
}

const publisher = {
  publisher: 'Landratsamt Würzburg',
  licence: defaultOpenDataLicence,
  publicBaseUrl: 'https://wegweiser.example',
};
const now = new Date('2026-03-01T12:00:00.000Z');

function directoryOf(records: OfferingRecord[]) {
  const statuses: string[] = [];
  const store = {
    async listByStatus(status: 'approved') {
      statuses.push(status);
      return records;
    },
  };
  return { statuses, build: () => openDataDirectory(store, publisher, now) };
}

describe('openDataDirectory', () => {
  it('reads only approved offerings and shows them as the public directory does, places named', async () => {
    const offering = record({ places: ['whole-county', 'ochsenfurt', 'online'] });
    const { statuses, build } = directoryOf([offering]);

    const directory = await build();

    expect(statuses).toEqual(['approved']);
    expect(OpenDataDirectory.parse(directory)).toEqual(directory);
    expect(directory).toMatchObject({
      publisher: 'Landratsamt Würzburg',
      licence: {
        id: 'dl-de/by-2-0',
        name: 'Datenlizenz Deutschland – Namensnennung 2.0',
        url: 'https://www.govdata.de/dl-de/by-2-0',
      },
      generatedAt: '2026-03-01T12:00:00.000Z',
      source: 'https://wegweiser.example/offerings',
      count: 1,
    });
    const [shown] = directory.offerings;
    expect(shown?.places).toEqual([
      { id: 'whole-county', name: 'Ganzer Landkreis Würzburg' },
      { id: 'ochsenfurt', name: 'Ochsenfurt' },
      { id: 'online', name: 'Online' },
    ]);
    expect(shown?.pageUrl).toBe(`https://wegweiser.example/offerings/${offering.offeringId}`);
    for (const internal of ['status', 'version', 'invitationId', 'surveyId', 'contentDigest', 'updatedAt']) {
      expect(shown).not.toHaveProperty(internal);
    }
  });

  it('orders by first report, then id, whatever order the store answers in', async () => {
    const later = record({
      reportedAt: '2026-02-03T00:00:00.000Z',
      lastConfirmedAt: '2026-02-09T00:00:00.000Z',
    });
    const earlier = record({ reportedAt: '2026-01-03T00:00:00.000Z' });
    const directory = await directoryOf([later, earlier]).build();
    expect(directory.offerings.map((offering) => offering.offeringId)).toEqual([
      earlier.offeringId,
      later.offeringId,
    ]);
  });
});

describe('openDataCsv', () => {
  it('writes UTF-8 with BOM, CRLF, the field ids as header and multi-valued fields joined with "; "', async () => {
    const directory = await directoryOf([record({ places: ['ochsenfurt', 'online'] })]).build();

    const csv = openDataCsv(directory);

    expect(csv.startsWith('\uFEFFofferingId,title,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
    const [header, row] = parse(csv, { bom: true }) as string[][];
    expect(header).toEqual([...csvColumns]);
    const cells = Object.fromEntries(csvColumns.map((column, index) => [column, row?.[index]]));
    expect(cells).toMatchObject({
      languages: 'de; ar',
      places: 'ochsenfurt; online',
      placeNames: 'Ochsenfurt; Online',
      description: 'Deutsch für Erwachsene, A1 bis B1',
    });
  });

  it.each([
    ['=HYPERLINK("https://evil.example","Klick")', `'=HYPERLINK("https://evil.example","Klick")`],
    ['+49 931 123', `'+49 931 123`],
    ['-10 % für Schüler', `'-10 % für Schüler`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tTab', `'\tTab`],
    ['Zeile 1\r\nZeile 2', 'Zeile 1\r\nZeile 2'],
    ['Sagt "Hallo", dann', 'Sagt "Hallo", dann'],
  ])('neutralises and quotes %j so it reads back as %j', async (title, expected) => {
    const directory = await directoryOf([record({ title })]).build();
    const [, row] = parse(openDataCsv(directory), { bom: true }) as string[][];
    expect(row?.[csvColumns.indexOf('title')]).toBe(expected);
  });
});

describe('openDataEtag', () => {
  it('stays the same across requests and changes when an offering leaves the directory', async () => {
    const first = record();
    const second = record({ updatedAt: '2026-01-01T00:00:00.000Z' });
    const both = await directoryOf([first, second]).build();
    const again = {
      ...(await directoryOf([first, second]).build()),
      generatedAt: '2030-01-01T00:00:00.000Z',
    };
    const fewer = await directoryOf([first]).build();

    expect(openDataEtag(again, 'json')).toBe(openDataEtag(both, 'json'));
    expect(openDataEtag(fewer, 'json')).not.toBe(openDataEtag(both, 'json'));
    expect(openDataEtag(both, 'csv')).not.toBe(openDataEtag(both, 'json'));
    expect(openDataEtag(both, 'json')).toMatch(/^W\/"json-[\w-]+"$/);
  });
});
