import { z } from 'zod';
import { DomainError } from '../../shared/domain/errors';
import { languageCodes } from '../../shared/i18n/languages';
import { keys } from '../../shared/store/keys';
import type { Store, StoredItem } from '../../shared/store/store';
import { KnowledgeLinkKey, Milestone } from './knowledge-base';
import type { EntryOverride, KnowledgeOverrides, MilestoneOverride } from './merge';

/** Read leniently: limits may change between releases, a text staff saved must still load. */
const StoredTexts = z.object({
  title: z.string(),
  answer: z.string(),
  questions: z.array(z.string()),
  keywords: z.array(z.string()),
});

const EntryOverrideItem = z.object({
  sk: z.string(),
  entryId: z.string(),
  language: z.enum(languageCodes),
  section: z.string(),
  links: z.array(KnowledgeLinkKey),
  texts: StoredTexts,
  updatedAt: z.string(),
  updatedBy: z.string().optional(),
  version: z.number().int(),
});

const MilestoneItem = z.object({
  sk: z.string(),
  milestoneId: z.string(),
  milestone: Milestone.nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});

const PartitionItem = z.looseObject({ sk: z.string() });
const RevisionItem = z.object({ revision: z.string() });

/**
 * Staff edits of the knowledge base in the single table. Every write also replaces the revision item,
 * in the same transaction, so a reader that sees an unchanged revision knows nothing changed.
 */
export class KnowledgeStore {
  constructor(private readonly store: Store) {}

  /** The revision of the staff edits; undefined while staff have never edited anything. */
  async revision(): Promise<string | undefined> {
    // An eventually consistent read is enough: the bot re-checks within seconds anyway.
    const item = await this.store.get(keys.knowledgeRevision(), RevisionItem, { consistent: false });
    return item?.revision;
  }

  /** Every override (entries and milestones): one Query on one partition, paged. */
  async overrides(): Promise<KnowledgeOverrides> {
    const entries: EntryOverride[] = [];
    const milestones: MilestoneOverride[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.query(PartitionItem, {
        partition: keys.knowledgePartition(),
        ...(cursor ? { cursor } : {}),
      });
      for (const item of page.items) {
        if (item.sk.startsWith(keys.knowledgeEntryPrefix())) {
          const { sk: _sk, updatedBy: _by, ...entry } = EntryOverrideItem.parse(item);
          entries.push(entry);
        } else if (item.sk.startsWith(keys.knowledgeMilestonePrefix())) {
          const parsed = MilestoneItem.parse(item);
          milestones.push({
            milestoneId: parsed.milestoneId,
            milestone: parsed.milestone ?? undefined,
            updatedAt: parsed.updatedAt,
            version: parsed.version,
          });
        }
      }
      cursor = page.cursor;
    } while (cursor);
    return { entries, milestones };
  }

  private async save(item: StoredItem, expectedVersion: number, revision: string): Promise<number> {
    const revisionItem = { ...keys.knowledgeRevision(), entity: 'KnowledgeRevision', revision };
    try {
      await this.store.transact([
        expectedVersion === 0 ? { kind: 'create', item } : { kind: 'putVersioned', item, expectedVersion },
        { kind: 'put', item: revisionItem },
      ]);
    } catch (error) {
      // Someone created the override first: for the editor that is the same as a newer version.
      if (error instanceof DomainError && error.code === 'conflict')
        throw new DomainError('version_conflict', 'knowledge override exists');
      throw error;
    }
    return expectedVersion + 1;
  }

  /** Saves one language of an entry; `expectedVersion` 0 creates the override (optimistic locking). */
  async saveEntry(
    override: Omit<EntryOverride, 'version'>,
    expectedVersion: number,
    updatedBy: string,
    revision: string,
  ): Promise<number> {
    return this.save(
      {
        ...keys.knowledgeEntryOverride(override.entryId, override.language),
        entity: 'KnowledgeEntryOverride',
        ...override,
        updatedBy,
      },
      expectedVersion,
      revision,
    );
  }

  /** Saves a milestone (undefined: removed); `expectedVersion` 0 creates it. */
  async saveMilestone(
    milestoneId: string,
    milestone: Milestone | undefined,
    updatedAt: string,
    expectedVersion: number,
    revision: string,
  ): Promise<number> {
    return this.save(
      {
        ...keys.knowledgeMilestone(milestoneId),
        entity: 'KnowledgeMilestone',
        milestoneId,
        milestone: milestone ?? null,
        updatedAt,
      },
      expectedVersion,
      revision,
    );
  }
}
