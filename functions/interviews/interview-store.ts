import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DomainError } from '../shared/domain/errors';
import { Finding } from '../shared/domain/findings';
import { defaultRetention, expiryOf, type RetentionPolicy } from '../shared/domain/retention';
import { keys } from '../shared/store/keys';
import type { Store } from '../shared/store/store';
import { offeringCategories } from '../survey/questionnaire';
import { hashEmail } from '../survey/tokens';
import { type Interviewer, InterviewView, RoundView } from './schemas';
import { lockUnits } from './slots';

export const RoundRecord = RoundView.extend({ createdBy: z.string() });
export type RoundRecord = z.infer<typeof RoundRecord>;

export const SlotRecord = z.object({
  roundId: z.string(),
  slotId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The interview holding this slot; absent while the slot is free. */
  interviewId: z.string().optional(),
  bookedAt: z.string().optional(),
});
export type SlotRecord = z.infer<typeof SlotRecord>;

/** The expert's contact data is kept only as long as needed to hold the interview (see `contactExpiry`). */
export const InterviewRecord = InterviewView.extend({
  tokenHash: z.string(),
  /** iCalendar SEQUENCE of the last calendar message sent for this interview. */
  sequence: z.number().int(),
  expiresAt: z.number().int(),
  /** When the expert's name, address and comment were erased on their request (Art. 17 GDPR). */
  erasedAt: z.string().optional(),
});
export type InterviewRecord = z.infer<typeof InterviewRecord>;

const TokenRecord = z.object({ roundId: z.string(), interviewId: z.string() });

export const NotesRecord = z.object({
  roundId: z.string(),
  interviewId: z.string(),
  institution: z.string(),
  topics: z.array(z.enum(offeringCategories)),
  notes: z.string(),
  findings: z.array(Finding),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type NotesRecord = z.infer<typeof NotesRecord>;

const SourceRecord = z.object({
  roundId: z.string(),
  responseInvitationId: z.string(),
  interviewId: z.string(),
});

const ReminderDueRecord = z.object({
  roundId: z.string(),
  interviewId: z.string(),
  startsAt: z.string(),
  dueAt: z.string(),
});
export type ReminderDueRecord = z.infer<typeof ReminderDueRecord>;

/** The expert's contact data is kept for a while past the interview (`expert` in the retention policy). */
export function contactExpiry(from: string, policy: RetentionPolicy = defaultRetention): number {
  return expiryOf('expert', from, policy);
}

/** Why a booking transaction was refused, from DynamoDB's cancellation reasons. */
export type BookingRefusal =
  | 'slot_taken'
  | 'interviewer_busy'
  /** The interview changed since it was read (another request of the same expert). */
  | 'stale'
  /** Another transaction touched the same items at the same moment: retrying may succeed. */
  | 'contention';

export class BookingRefused extends Error {
  override name = 'BookingRefused';
  constructor(readonly reason: BookingRefusal) {
    super(reason);
  }
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Role = 'slot' | 'lock' | 'interview' | 'release';

interface Step {
  role: Role;
  item: TransactItem;
}

/** What a change of booking writes: the interview before and after, and the slots given up and taken. */
export interface BookingChange {
  before: InterviewRecord;
  after: InterviewRecord;
  interviewers: Interviewer[];
  take?: SlotRecord;
  release?: SlotRecord;
}

function lockKeysFor(interviewers: Interviewer[], slot: SlotRecord | undefined): Map<string, string> {
  const byPk = new Map<string, string>();
  if (!slot) return byPk;
  for (const interviewer of interviewers) {
    for (const unit of lockUnits(slot.startsAt, slot.endsAt)) {
      byPk.set(keys.interviewerLock(hashEmail(interviewer.email), unit).pk, unit);
    }
  }
  return byPk;
}

/** Store access for interview rounds, slots, interviews and reminders; every read is a Get or a Query. */
export class InterviewStore {
  constructor(readonly store: Store) {}

  private get table() {
    return this.store.tableName;
  }

  private async queryAll<S extends z.ZodType>(
    schema: S,
    options: { partition: string; beginsWith?: string; index?: 'gsi1'; newestFirst?: boolean },
  ): Promise<z.output<S>[]> {
    const items: z.output<S>[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.query(schema, { ...options, cursor });
      items.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return items;
  }

  // ---- rounds and slots ----

  createRound(round: RoundRecord): Promise<void> {
    return this.store.create({
      ...keys.interviewRound(round.roundId),
      ...keys.interviewRoundByTime(round.createdAt, round.roundId),
      entity: 'InterviewRound',
      ...round,
    });
  }

  getRound(roundId: string): Promise<RoundRecord | undefined> {
    return this.store.get(keys.interviewRound(roundId), RoundRecord);
  }

  listRounds(): Promise<RoundRecord[]> {
    return this.queryAll(RoundRecord, {
      partition: keys.interviewRoundsPartition(),
      index: 'gsi1',
      newestFirst: true,
    });
  }

  /** Creates a slot unless the round already has one at that start; says whether it was new. */
  async createSlot(slot: SlotRecord): Promise<boolean> {
    try {
      await this.store.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.interviewSlot(slot.roundId, slot.slotId), entity: 'InterviewSlot', ...slot },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  getSlot(roundId: string, slotId: string): Promise<SlotRecord | undefined> {
    return this.store.get(keys.interviewSlot(roundId, slotId), SlotRecord);
  }

  listSlots(roundId: string): Promise<SlotRecord[]> {
    return this.queryAll(SlotRecord, {
      partition: keys.interviewRoundPartition(roundId),
      beginsWith: keys.interviewSlotPrefix(),
    });
  }

  /** Removes a slot only while it is free; a booked slot is refused by the condition, not by a read. */
  async removeFreeSlot(roundId: string, slotId: string): Promise<void> {
    try {
      await this.store.client.send(
        new DeleteCommand({
          TableName: this.table,
          Key: keys.interviewSlot(roundId, slotId),
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(interviewId)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const slot = await this.getSlot(roundId, slotId);
      if (!slot) throw new DomainError('not_found', 'slot not found');
      throw new DomainError('invalid_state', 'slot is booked');
    }
  }

  // ---- interviews ----

  /**
   * Creates an interview and its link's token together; an invitation from a survey response also
   * writes the response's guard, so the same response is invited to a round once.
   */
  async createInterview(interview: InterviewRecord): Promise<void> {
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.table,
          Item: {
            ...keys.interview(interview.roundId, interview.interviewId),
            entity: 'Interview',
            ...interview,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: {
            ...keys.interviewToken(interview.tokenHash),
            entity: 'InterviewToken',
            roundId: interview.roundId,
            interviewId: interview.interviewId,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
    const { surveyId, responseInvitationId } = interview.source;
    if (surveyId && responseInvitationId) {
      items.push({
        Put: {
          TableName: this.table,
          Item: {
            ...keys.interviewSource(interview.roundId, responseInvitationId),
            ...keys.interviewSourceBySurvey(surveyId, responseInvitationId, interview.roundId),
            entity: 'InterviewSource',
            roundId: interview.roundId,
            responseInvitationId,
            interviewId: interview.interviewId,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    try {
      await this.store.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[2]?.Code === 'ConditionalCheckFailed'
      ) {
        throw new DomainError('conflict', 'response already invited to round', [
          { field: 'body.responseInvitationId', code: 'already_invited_to_round' },
        ]);
      }
      throw error;
    }
  }

  getInterview(roundId: string, interviewId: string): Promise<InterviewRecord | undefined> {
    return this.store.get(keys.interview(roundId, interviewId), InterviewRecord);
  }

  listInterviews(roundId: string): Promise<InterviewRecord[]> {
    return this.queryAll(InterviewRecord, {
      partition: keys.interviewRoundPartition(roundId),
      beginsWith: keys.interviewPrefix(),
    });
  }

  async findByToken(tokenHash: string): Promise<{ roundId: string; interviewId: string } | undefined> {
    return this.store.get(keys.interviewToken(tokenHash), TokenRecord);
  }

  /** The rounds each response of a survey was invited to (one Query). */
  async invitedResponses(surveyId: string): Promise<Map<string, string[]>> {
    const sources = await this.queryAll(SourceRecord, {
      partition: keys.interviewSourcesOfSurvey(surveyId),
      index: 'gsi1',
    });
    const byResponse = new Map<string, string[]>();
    for (const source of sources) {
      byResponse.set(source.responseInvitationId, [
        ...(byResponse.get(source.responseInvitationId) ?? []),
        source.roundId,
      ]);
    }
    return byResponse;
  }

  private interviewPut(before: InterviewRecord, after: InterviewRecord): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: {
          ...keys.interview(after.roundId, after.interviewId),
          entity: 'Interview',
          ...after,
          version: before.version + 1,
        },
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': before.version },
      },
    };
  }

  /** Saves an interview changed outside a booking (held, written up); `version_conflict` if it moved on. */
  async saveInterview(before: InterviewRecord, after: InterviewRecord, notes?: NotesRecord): Promise<void> {
    const items: TransactItem[] = [this.interviewPut(before, after)];
    if (notes) {
      items.push({
        Put: {
          TableName: this.table,
          Item: {
            ...keys.interviewNotes(notes.roundId, notes.interviewId),
            entity: 'InterviewNotes',
            ...notes,
          },
        },
      });
    }
    try {
      await this.store.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw new DomainError('version_conflict', 'interview changed');
      }
      throw error;
    }
  }

  getNotes(roundId: string, interviewId: string): Promise<NotesRecord | undefined> {
    return this.store.get(keys.interviewNotes(roundId, interviewId), NotesRecord);
  }

  /**
   * Books, moves or cancels in one transaction: the slot taken only if free, one lock per interviewer
   * and quarter hour taken only if nobody holds it (across every round), the slot and locks given up
   * only if this interview holds them, and the interview only if unchanged since it was read. Locks a
   * move keeps (old and new time overlap) are handed over, not released and taken again: one
   * transaction may touch an item once.
   */
  async changeBooking(change: BookingChange): Promise<void> {
    const { before, after, take, release } = change;
    const interviewId = after.interviewId;
    const steps: Step[] = [];
    if (take) {
      steps.push({
        role: 'slot',
        item: {
          Update: {
            TableName: this.table,
            Key: keys.interviewSlot(take.roundId, take.slotId),
            UpdateExpression: 'SET interviewId = :interview, bookedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(interviewId)',
            ExpressionAttributeValues: { ':interview': interviewId, ':at': after.bookedAt ?? '' },
          },
        },
      });
    }
    if (release) {
      steps.push({
        role: 'release',
        item: {
          Update: {
            TableName: this.table,
            Key: keys.interviewSlot(release.roundId, release.slotId),
            UpdateExpression: 'REMOVE interviewId, bookedAt',
            ConditionExpression: 'interviewId = :interview',
            ExpressionAttributeValues: { ':interview': interviewId },
          },
        },
      });
    }
    const taken = lockKeysFor(change.interviewers, take);
    const released = lockKeysFor(change.interviewers, release);
    const lockExpiry = take ? expiryOf('interviewerLock', take.endsAt) : 0;
    for (const [pk, unit] of taken) {
      const lockItem = {
        pk,
        sk: 'LOCK',
        entity: 'InterviewerLock',
        unit,
        roundId: after.roundId,
        interviewId,
        slotId: take?.slotId,
        expiresAt: lockExpiry,
      };
      steps.push(
        released.has(pk)
          ? {
              role: 'release',
              item: {
                Put: {
                  TableName: this.table,
                  Item: lockItem,
                  ConditionExpression: 'interviewId = :interview',
                  ExpressionAttributeValues: { ':interview': interviewId },
                },
              },
            }
          : {
              role: 'lock',
              item: {
                Put: {
                  TableName: this.table,
                  Item: lockItem,
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            },
      );
    }
    for (const pk of released.keys()) {
      if (taken.has(pk)) continue;
      steps.push({
        role: 'release',
        item: {
          Delete: {
            TableName: this.table,
            Key: { pk, sk: 'LOCK' },
            ConditionExpression: 'interviewId = :interview',
            ExpressionAttributeValues: { ':interview': interviewId },
          },
        },
      });
    }
    steps.push({ role: 'interview', item: this.interviewPut(before, after) });
    try {
      await this.store.client.send(
        new TransactWriteCommand({ TransactItems: steps.map((step) => step.item) }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw new BookingRefused(refusalOf(steps, error));
      throw error;
    }
  }

  /**
   * The slots among `slots` at which some interviewer already has a booking (in any round, by another
   * interview): their locks exist. Read in batches of 100 keys, so the expert is not offered a time
   * that the booking transaction would refuse.
   */
  async slotsWithBusyInterviewers(
    slots: SlotRecord[],
    interviewers: Interviewer[],
    /** The expert's own booking, whose quarter hours a move may hand over. */
    ownInterviewId: string,
  ): Promise<Set<string>> {
    const slotsByLock = new Map<string, string[]>();
    for (const slot of slots) {
      for (const pk of lockKeysFor(interviewers, slot).keys()) {
        slotsByLock.set(pk, [...(slotsByLock.get(pk) ?? []), slot.slotId]);
      }
    }
    const busy = new Set<string>();
    const pks = [...slotsByLock.keys()];
    for (let index = 0; index < pks.length; index += 100) {
      let requested: Record<string, unknown>[] = pks
        .slice(index, index + 100)
        .map((pk) => ({ pk, sk: 'LOCK' }));
      while (requested.length > 0) {
        const { Responses, UnprocessedKeys } = await this.store.client.send(
          new BatchGetCommand({
            RequestItems: { [this.table]: { Keys: requested, ProjectionExpression: 'pk, interviewId' } },
          }),
        );
        for (const item of Responses?.[this.table] ?? []) {
          if (item.interviewId === ownInterviewId) continue;
          for (const slotId of slotsByLock.get(String(item.pk)) ?? []) busy.add(slotId);
        }
        requested = (UnprocessedKeys?.[this.table]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return busy;
  }

  // ---- reminders ----

  /** The local scheduler's due item; replaces an earlier one of the same interview. */
  putReminderDue(reminder: ReminderDueRecord): Promise<void> {
    return this.store.put({
      ...keys.interviewReminderDue(reminder.interviewId),
      ...keys.interviewReminderByDueTime(reminder.dueAt, reminder.interviewId),
      entity: 'InterviewReminderDue',
      ...reminder,
    });
  }

  deleteReminderDue(interviewId: string): Promise<void> {
    return this.store.delete(keys.interviewReminderDue(interviewId));
  }

  /** Removes a due item only if it is still the one that was read (a reschedule may have replaced it). */
  async completeReminderDue(reminder: ReminderDueRecord): Promise<void> {
    try {
      await this.store.client.send(
        new DeleteCommand({
          TableName: this.table,
          Key: keys.interviewReminderDue(reminder.interviewId),
          ConditionExpression: 'dueAt = :due AND startsAt = :start',
          ExpressionAttributeValues: { ':due': reminder.dueAt, ':start': reminder.startsAt },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  /** Reminders due at or before `now`, earliest first: a Query on gsi1, never a Scan. */
  async dueReminders(now: Date, limit = 50): Promise<ReminderDueRecord[]> {
    const { Items = [] } = await this.store.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
        ExpressionAttributeValues: {
          ':pk': keys.interviewRemindersDuePartition(),
          // '~' sorts after every id character, so reminders due exactly now are included.
          ':now': `${now.toISOString()}#~`,
        },
        Limit: limit,
      }),
    );
    return Items.map((item) => ReminderDueRecord.parse(item));
  }

  /** Claims the reminder of one booked start with a conditional write; false if it was claimed before. */
  async claimReminder(interviewId: string, startsAt: string, claimedAt: string): Promise<boolean> {
    try {
      await this.store.client.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...keys.interviewReminderSent(interviewId, startsAt),
            entity: 'InterviewReminderSent',
            claimedAt,
            expiresAt: contactExpiry(startsAt),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Gives a claim back when sending failed, so the next attempt sends it. */
  releaseReminderClaim(interviewId: string, startsAt: string): Promise<void> {
    return this.store.delete(keys.interviewReminderSent(interviewId, startsAt));
  }
}

function refusalOf(steps: Step[], error: TransactionCanceledException): BookingRefusal {
  const reasons = error.CancellationReasons ?? [];
  const failedRoles = new Set(
    reasons.flatMap((reason, index) =>
      reason.Code === 'ConditionalCheckFailed' && steps[index] ? [steps[index].role] : [],
    ),
  );
  if (failedRoles.has('slot')) return 'slot_taken';
  if (failedRoles.has('lock')) return 'interviewer_busy';
  if (failedRoles.has('interview') || failedRoles.has('release')) return 'stale';
  return 'contention';
}
