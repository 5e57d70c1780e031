import { createHash } from 'node:crypto';
import { DomainError } from '../shared/domain/errors';
import { Offering } from '../survey/questionnaire';
import type { OfferingRecord, OfferingStore } from './offering-store';

const contentFields = Object.keys(Offering.shape).filter((field) => field !== 'publish') as Exclude<
  keyof Offering,
  'publish'
>[];

/**
 * A fingerprint of an offering's content, taken field by field in a fixed order, so that the same
 * content gives the same digest whether it comes from the survey answers or from a directory entry.
 */
export function contentDigest(offering: Omit<Offering, 'publish'>): string {
  const content = contentFields.map((field) => [field, offering[field]]);
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
}

/** Neither what the institution last reported nor what staff last corrected: a real change. */
function isChange(current: OfferingRecord, digest: string): boolean {
  return digest !== current.contentDigest && digest !== current.correctedDigest;
}

/**
 * Turns a submitted response's offerings into directory entries. Only offerings whose publication was
 * consented become entries, and every new or changed one waits for review; an offering no longer
 * consented, or no longer reported, is withdrawn. Running it again with the same answers changes
 * nothing, so a replayed submit is harmless.
 */
export async function publishReportedOfferings(
  offerings: OfferingStore,
  report: {
    surveyId: string;
    invitationId: string;
    /** The same institution's invitation in the wave before: its offerings are this one's now. */
    previousInvitationId?: string | undefined;
    institutionName: string;
    offerings: Offering[];
    at: string;
  },
): Promise<{ pending: number; withdrawn: number }> {
  const existing = new Map(
    (await offerings.listOfInvitation(report.invitationId)).map((o) => [o.offeringId, o]),
  );
  let pending = 0;
  let withdrawn = 0;
  const reported = new Set<string>();
  for (const offering of report.offerings) {
    reported.add(offering.offeringId);
    const found = existing.get(offering.offeringId) ?? (await offerings.get(offering.offeringId));
    const ownedBefore =
      report.previousInvitationId !== undefined && found?.invitationId === report.previousInvitationId;
    if (found && found.invitationId !== report.invitationId && !ownedBefore) continue; // another institution's id
    // Reported again in a new wave, an offering moves to the institution's new link and stays one offering.
    const current =
      found && ownedBefore
        ? { ...found, surveyId: report.surveyId, invitationId: report.invitationId }
        : found;
    if (!offering.publish) {
      if (current && current.status !== 'withdrawn') {
        await offerings.save({ ...current, status: 'withdrawn', updatedAt: report.at });
        withdrawn += 1;
      }
      continue;
    }
    if (offering.category === undefined || offering.cost === undefined) continue; // incomplete: not submittable
    const digest = contentDigest(offering);
    const { publish: _publish, ...content } = offering;
    if (!current) {
      const created = await offerings
        .create({
          ...content,
          category: offering.category,
          cost: offering.cost,
          surveyId: report.surveyId,
          invitationId: report.invitationId,
          institutionName: report.institutionName,
          status: 'pending',
          reportedAt: report.at,
          updatedAt: report.at,
          lastConfirmedAt: report.at,
          contentDigest: digest,
        })
        .then(
          () => true,
          (error: unknown) => {
            // The id was taken meanwhile by another institution's offering: never overwrite theirs.
            if (error instanceof DomainError && error.code === 'conflict') return false;
            throw error;
          },
        );
      if (created) pending += 1;
    } else if (isChange(current, digest) || current.status === 'withdrawn') {
      await offerings.save({
        ...current,
        ...content,
        institutionName: report.institutionName,
        status: 'pending',
        rejectionReason: undefined,
        updatedAt: report.at,
        lastConfirmedAt: report.at,
        contentDigest: digest,
        correctedDigest: undefined,
      } as OfferingRecord);
      pending += 1;
    } else if (current.lastConfirmedAt !== report.at) {
      // Unchanged and resubmitted: the institution confirmed it is still current.
      await offerings.save({ ...current, lastConfirmedAt: report.at });
    }
  }
  for (const [offeringId, current] of existing) {
    if (!reported.has(offeringId) && current.status !== 'withdrawn') {
      await offerings.save({ ...current, status: 'withdrawn', updatedAt: report.at });
      withdrawn += 1;
    }
  }
  return { pending, withdrawn };
}

export function requireStatus(offering: OfferingRecord | undefined, version: number): OfferingRecord {
  if (!offering) throw new DomainError('not_found', 'offering not found');
  if (offering.version !== version) throw new DomainError('version_conflict', 'stale offering version');
  return offering;
}
