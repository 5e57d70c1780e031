import { createHash } from 'node:crypto';
import type { OpenDataLicenceSetting } from '../shared/config/stage';
import { csvFile } from '../shared/csv';
import { type MessageKey, translate } from '../shared/i18n/messages';
import { placeName } from '../survey/questionnaire';
import { publicView } from './directory';
import type { OfferingRecord } from './offering-store';
import type { OpenDataDirectory, OpenDataOffering } from './schemas';

/** What the open data reads: the approved offerings, through the directory's own read path (gsi1). */
export interface ApprovedOfferings {
  listByStatus(status: 'approved'): Promise<OfferingRecord[]>;
}

/** Who publishes the open data, under which licence, and where the site is. */
export interface OpenDataPublisher {
  publisher: string;
  licence: OpenDataLicenceSetting;
  publicBaseUrl: string;
}

/** The open data in German, the county's language; the offerings' own texts keep their language. */
function placeLabel(id: string): string {
  return placeName(id) ?? translate('de', `questionnaire.places.${id}` as MessageKey);
}

function openDataOffering(record: OfferingRecord, publicBaseUrl: string): OpenDataOffering {
  const { places, ...rest } = publicView(record);
  return {
    ...rest,
    places: places.map((id) => ({ id, name: placeLabel(id) })),
    pageUrl: `${publicBaseUrl}/offerings/${record.offeringId}`,
  };
}

/**
 * The whole public directory as one data set.
 *
 * Primary course:
 * 1. Read every approved offering, the way the public directory does (only consented offerings ever
 *    become directory entries, and only approved ones are public).
 * 2. Show each exactly as the directory does (no contact person, no review state), places named.
 * 3. Order by when they were first reported, then by id, so that a re-confirmation does not reorder
 *    the file and a reuser's diff shows only real changes.
 */
export async function openDataDirectory(
  offerings: ApprovedOfferings,
  publisher: OpenDataPublisher,
  now: Date,
): Promise<OpenDataDirectory> {
  const approved = await offerings.listByStatus('approved');
  const ordered = [...approved].sort(
    (a, b) => a.reportedAt.localeCompare(b.reportedAt) || a.offeringId.localeCompare(b.offeringId),
  );
  return {
    title: translate('de', 'openData.datasetTitle'),
    publisher: publisher.publisher,
    licence: {
      id: publisher.licence.licenceId,
      name: publisher.licence.licenceName,
      url: publisher.licence.licenceUrl,
    },
    generatedAt: now.toISOString(),
    source: `${publisher.publicBaseUrl}/offerings`,
    count: ordered.length,
    offerings: ordered.map((record) => openDataOffering(record, publisher.publicBaseUrl)),
  };
}

/** The CSV's columns: the JSON's field ids, places split into ids and names. */
export const csvColumns = [
  'offeringId',
  'title',
  'description',
  'textLanguage',
  'category',
  'targetGroups',
  'languages',
  'places',
  'placeNames',
  'address',
  'schedule',
  'cost',
  'costNote',
  'registration',
  'officeContact',
  'url',
  'institutionName',
  'reportedAt',
  'lastConfirmedAt',
  'pageUrl',
] as const;

/** Joins the values of a multi-valued field in one cell. */
export const multiValueSeparator = '; ';

function csvCells(offering: OpenDataOffering): Record<(typeof csvColumns)[number], string> {
  const { places, targetGroups, languages, ...single } = offering;
  return {
    ...single,
    targetGroups: targetGroups.join(multiValueSeparator),
    languages: languages.join(multiValueSeparator),
    places: places.map((place) => place.id).join(multiValueSeparator),
    placeNames: places.map((place) => place.name).join(multiValueSeparator),
  };
}

/**
 * The directory as CSV for everyone (not the staff exports' German-Excel dialect): UTF-8 with BOM,
 * comma separated, CRLF line ends, quotes doubled (RFC 4180), and every cell that a spreadsheet would
 * run as a formula neutralised. CSV has no place for metadata: the licence travels in the `Link`
 * header and in the JSON.
 */
export function openDataCsv(directory: OpenDataDirectory): string {
  const rows = directory.offerings.map((offering) => {
    const cells = csvCells(offering);
    return csvColumns.map((column) => cells[column]);
  });
  return csvFile([[...csvColumns], ...rows], { separator: ',', quote: 'needed' });
}

/**
 * A validator for the file's content, the same for every request until an offering changes. Made
 * from the content rather than the newest `updatedAt`, because an offering leaving the directory
 * (withdrawn, rejected, back in review) changes the file without making anything newer. Weak, since
 * `generatedAt` differs between two otherwise equal answers.
 */
export function openDataEtag(directory: OpenDataDirectory, format: 'json' | 'csv'): string {
  const { generatedAt: _generatedAt, ...content } = directory;
  const digest = createHash('sha256').update(format).update(JSON.stringify(content)).digest('base64url');
  return `W/"${format}-${digest.slice(0, 27)}"`;
}
