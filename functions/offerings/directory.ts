import { DomainError, notFound } from '../shared/domain/errors';
import type { OfferingRecord, OfferingStatus, OfferingStore } from './offering-store';
import { contentDigest, requireStatus } from './publishing';
import type { PublicOffering } from './schemas';

export function publicView(offering: OfferingRecord): PublicOffering {
  return {
    offeringId: offering.offeringId,
    title: offering.title,
    description: offering.description,
    textLanguage: offering.textLanguage,
    category: offering.category ?? 'other',
    targetGroups: offering.targetGroups,
    languages: offering.languages,
    places: offering.places,
    address: offering.address,
    schedule: offering.schedule,
    cost: offering.cost ?? 'free',
    costNote: offering.costNote,
    registration: offering.registration,
    officeContact: offering.officeContact,
    url: offering.url,
    institutionName: offering.institutionName,
    reportedAt: offering.reportedAt,
    lastConfirmedAt: offering.lastConfirmedAt,
  };
}

export function reviewView(offering: OfferingRecord) {
  return {
    ...publicView(offering),
    status: offering.status,
    version: offering.version,
    ...(offering.rejectionReason ? { rejectionReason: offering.rejectionReason } : {}),
  };
}

/** Lower case without diacritics, so "wurzburg" finds "Würzburg" and "cafe" finds "Café". */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface DirectoryQuery {
  q?: string | undefined;
  place?: string | undefined;
  category?: string | undefined;
  targetGroup?: string | undefined;
  language?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * The public directory: approved offerings, filtered and searched. Every word of the query must occur
 * in the offering's texts; an offering for the whole county matches every municipality.
 */
export function searchDirectory(approved: OfferingRecord[], query: DirectoryQuery) {
  const words = normalizeForSearch(query.q ?? '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1);
  const matches = approved.filter((offering) => {
    if (query.category && offering.category !== query.category) return false;
    if (query.targetGroup && !offering.targetGroups.includes(query.targetGroup as never)) return false;
    if (query.language && !offering.languages.includes(query.language as never)) return false;
    if (
      query.place &&
      !offering.places.includes(query.place) &&
      !(
        offering.places.includes('whole-county') &&
        query.place !== 'wuerzburg-city' &&
        query.place !== 'online'
      )
    ) {
      return false;
    }
    if (words.length === 0) return true;
    const haystack = normalizeForSearch(
      [
        offering.title,
        offering.description,
        offering.institutionName,
        offering.address,
        offering.schedule,
      ].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
  const sorted = matches.sort((a, b) => b.lastConfirmedAt.localeCompare(a.lastConfirmedAt));
  return {
    offerings: sorted.slice(query.offset, query.offset + query.limit).map(publicView),
    total: sorted.length,
  };
}

export async function listDirectory(offerings: OfferingStore, query: DirectoryQuery) {
  return searchDirectory(await offerings.listByStatus('approved'), query);
}

export async function getPublicOffering(offerings: OfferingStore, offeringId: string) {
  const offering = await offerings.get(offeringId);
  if (offering?.status !== 'approved') throw notFound('offering');
  return publicView(offering);
}

export async function reviewQueue(offerings: OfferingStore, status: OfferingStatus) {
  return { offerings: (await offerings.listByStatus(status)).map(reviewView) };
}

export async function approveOffering(
  offerings: OfferingStore,
  offeringId: string,
  version: number,
  now: Date,
) {
  const offering = requireStatus(await offerings.get(offeringId), version);
  if (offering.status === 'withdrawn') throw new DomainError('invalid_state', 'withdrawn by the institution');
  const approved = {
    ...offering,
    status: 'approved' as const,
    rejectionReason: undefined,
    updatedAt: now.toISOString(),
  };
  const next = await offerings.save(approved);
  return reviewView({ ...approved, version: next });
}

export async function rejectOffering(
  offerings: OfferingStore,
  offeringId: string,
  input: { version: number; reason: string },
  now: Date,
) {
  const offering = requireStatus(await offerings.get(offeringId), input.version);
  const rejected = {
    ...offering,
    status: 'rejected' as const,
    rejectionReason: input.reason,
    updatedAt: now.toISOString(),
  };
  const next = await offerings.save(rejected);
  return reviewView({ ...rejected, version: next });
}

export async function editOffering(
  offerings: OfferingStore,
  offeringId: string,
  input: {
    version: number;
    title: string;
    description: string;
    schedule: string;
    address: string;
    registration: string;
    officeContact: string;
    url: string;
  },
  now: Date,
) {
  const offering = requireStatus(await offerings.get(offeringId), input.version);
  const { version: _version, ...texts } = input;
  const corrected = { ...offering, ...texts };
  const edited = { ...corrected, correctedDigest: contentDigest(corrected), updatedAt: now.toISOString() };
  const next = await offerings.save(edited);
  return reviewView({ ...edited, version: next });
}
