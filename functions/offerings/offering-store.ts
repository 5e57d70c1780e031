import { z } from 'zod';
import { keys } from '../shared/store/keys';
import type { Store } from '../shared/store/store';
import { Offering } from '../survey/questionnaire';
import { offeringStatuses } from './schemas';

export const OfferingRecord = z.object({
  ...Offering.omit({ publish: true }).shape,
  invitationId: z.string(),
  surveyId: z.string(),
  institutionName: z.string(),
  status: z.enum(offeringStatuses),
  rejectionReason: z.string().optional(),
  reportedAt: z.string(),
  updatedAt: z.string(),
  lastConfirmedAt: z.string(),
  /** A digest of what the institution reported, to tell a real change (review again) from a resubmit. */
  contentDigest: z.string(),
  /** The digest after a staff correction: an institution sending back the corrected text changed nothing. */
  correctedDigest: z.string().optional(),
  version: z.number().int(),
});
export type OfferingRecord = z.infer<typeof OfferingRecord>;
export type OfferingStatus = OfferingRecord['status'];

/** Store access for the offerings directory: one item per offering, listed by status through gsi1. */
export class OfferingStore {
  constructor(readonly store: Store) {}

  get(offeringId: string): Promise<OfferingRecord | undefined> {
    return this.store.get(keys.offering(offeringId), OfferingRecord);
  }

  async listByStatus(status: OfferingStatus): Promise<OfferingRecord[]> {
    const offerings: OfferingRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.query(OfferingRecord, {
        index: 'gsi1',
        partition: keys.offeringsWithStatus(status),
        newestFirst: true,
        ...(cursor ? { cursor } : {}),
      });
      offerings.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return offerings;
  }

  async listOfInvitation(invitationId: string): Promise<OfferingRecord[]> {
    const page = await this.store.query(OfferingRecord, {
      index: 'gsi2',
      partition: keys.offeringsOfInvitation(invitationId),
    });
    return page.items;
  }

  private item(record: Omit<OfferingRecord, 'version'>) {
    return {
      ...keys.offering(record.offeringId),
      ...keys.offeringByStatus(record.status, record.updatedAt, record.offeringId),
      ...keys.offeringByInvitation(record.invitationId, record.offeringId),
      entity: 'Offering',
      ...record,
    };
  }

  create(record: Omit<OfferingRecord, 'version'>): Promise<void> {
    return this.store.create(this.item(record));
  }

  /** Writes a changed offering if nobody changed it since it was read (`version_conflict` otherwise). */
  save(record: OfferingRecord): Promise<number> {
    const { version, ...rest } = record;
    return this.store.putVersioned(this.item(rest), version);
  }
}
