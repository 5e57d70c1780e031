import { TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { languageCodes } from '../shared/i18n/languages';
import { keys } from '../shared/store/keys';
import type { Store } from '../shared/store/store';
import { Registration, Workshop, WorkshopAnnouncement, WorkshopResults } from './schemas';

export const WorkshopRecord = Workshop.extend({
  createdAt: z.string(),
  createdBy: z.string(),
  announcement: WorkshopAnnouncement.optional(),
  results: WorkshopResults.optional(),
});
export type WorkshopRecord = z.infer<typeof WorkshopRecord>;

export const CounterRecord = z.object({
  capacity: z.number().int(),
  registered: z.number().int(),
  waiting: z.number().int(),
  tickets: z.number().int(),
});
export type CounterRecord = z.infer<typeof CounterRecord>;

export const RegistrationRecord = Registration.omit({ waitingPosition: true }).extend({
  registrationId: z.string(),
  workshopId: z.string(),
  emailHash: z.string(),
  language: z.enum(languageCodes),
  /** Order of registration: the waiting list moves up in this order. */
  ticket: z.number().int(),
  invitationId: z.string().optional(),
  cancelledAt: z.string().optional(),
  expiresAt: z.number().int(),
  /** Hashes of the person's links, so that erasing the registration (Art. 17 GDPR) removes them too. */
  tokenHashes: z.array(z.string()).optional(),
});
export type RegistrationRecord = z.infer<typeof RegistrationRecord>;

const TokenRecord = z.object({ workshopId: z.string(), emailHash: z.string() });
const InviteeTokenRecord = z.object({ workshopId: z.string(), invitationId: z.string() });

export const InviteeRecord = z.object({
  workshopId: z.string(),
  invitationId: z.string(),
  institutionName: z.string(),
  tokenHash: z.string(),
  createdAt: z.string(),
  mailedAt: z.string().optional(),
  expiresAt: z.number().int(),
});
export type InviteeRecord = z.infer<typeof InviteeRecord>;

/** What the announcement needs of a survey's submissions (the answers themselves are not read). */
const SubmittedRecord = z.object({
  invitationId: z.string(),
  language: z.enum(languageCodes),
  submittedAt: z.string(),
});
export type SubmittedRecord = z.infer<typeof SubmittedRecord>;

/** Why a registration transaction did not go through. */
export type RegistrationOutcome = 'done' | 'full' | 'exists' | 'stale';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB reserves words such as `capacity`; every counter attribute goes through a name placeholder. */
function counterNames(...placeholders: string[]): Record<string, string> {
  return Object.fromEntries(placeholders.map((placeholder) => [placeholder, placeholder.slice(1)]));
}

/** Appends a link's hash to the registration's list (see `RegistrationRecord.tokenHashes`). */
function rememberToken(tokenHash: string) {
  return {
    UpdateExpression: 'SET tokenHashes = list_append(if_not_exists(tokenHashes, :none), :token)',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':none': [], ':token': [tokenHash] },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Store access for workshops. Places are decided only by conditional writes on the counter item, in the
 * same transaction as the registration, so no read ever decides who gets a place.
 */
export class WorkshopStore {
  constructor(
    readonly store: Store,
    /** Waits between retries of a transaction that collided with another one. */
    private readonly backoff: (attempt: number) => Promise<unknown> = (attempt) =>
      pause(Math.random() * Math.min(200, 10 * 2 ** attempt)),
  ) {}

  private get table() {
    return this.store.tableName;
  }

  createWorkshop(workshop: WorkshopRecord): Promise<void> {
    return this.store.transact([
      {
        kind: 'create',
        item: {
          ...keys.workshop(workshop.workshopId),
          ...keys.workshopByTime(workshop.createdAt, workshop.workshopId),
          entity: 'Workshop',
          ...workshop,
        },
      },
      {
        kind: 'create',
        item: {
          ...keys.workshopCounter(workshop.workshopId),
          entity: 'WorkshopCounter',
          capacity: workshop.capacity,
          registered: 0,
          waiting: 0,
          tickets: 0,
        },
      },
    ]);
  }

  getWorkshop(workshopId: string): Promise<WorkshopRecord | undefined> {
    return this.store.get(keys.workshop(workshopId), WorkshopRecord);
  }

  async listWorkshops(): Promise<WorkshopRecord[]> {
    const workshops: WorkshopRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.query(WorkshopRecord, {
        index: 'gsi1',
        partition: keys.workshopsPartition(),
        newestFirst: true,
        ...(cursor ? { cursor } : {}),
      });
      workshops.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return workshops;
  }

  async getCounter(workshopId: string): Promise<CounterRecord> {
    const counter = await this.store.get(keys.workshopCounter(workshopId), CounterRecord);
    return counter ?? { capacity: 0, registered: 0, waiting: 0, tickets: 0 };
  }

  setAnnouncement(workshopId: string, announcement: NonNullable<WorkshopRecord['announcement']>) {
    return this.store.update(keys.workshop(workshopId), { announcement }, { mustExist: true });
  }

  setResults(workshopId: string, results: NonNullable<WorkshopRecord['results']>) {
    return this.store.update(keys.workshop(workshopId), { results }, { mustExist: true });
  }

  /**
   * The next number in order of registration; numbers lost to failed attempts only leave gaps. DynamoDB
   * refuses a single write to an item that a transaction is changing at that moment, so it is retried.
   */
  async nextTicket(workshopId: string): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const { Attributes } = await this.store.client.send(
          new UpdateCommand({
            TableName: this.table,
            Key: keys.workshopCounter(workshopId),
            UpdateExpression: 'ADD #tickets :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: counterNames('#tickets'),
            ExpressionAttributeValues: { ':one': 1 },
            ReturnValues: 'UPDATED_NEW',
          }),
        );
        return Number(Attributes?.tickets);
      } catch (error) {
        if (!(error instanceof TransactionConflictException) || attempt >= 40) throw error;
        await this.backoff(attempt);
      }
    }
  }

  getRegistration(workshopId: string, emailHash: string): Promise<RegistrationRecord | undefined> {
    return this.store.get(keys.workshopRegistration(workshopId, emailHash), RegistrationRecord);
  }

  async registrationByToken(tokenHash: string): Promise<RegistrationRecord | undefined> {
    const token = await this.store.get(keys.workshopRegistrationToken(tokenHash), TokenRecord);
    return token ? this.getRegistration(token.workshopId, token.emailHash) : undefined;
  }

  async listRegistrations(workshopId: string): Promise<RegistrationRecord[]> {
    const registrations: RegistrationRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.query(RegistrationRecord, {
        partition: keys.workshopPartition(workshopId),
        beginsWith: keys.workshopRegistrationPrefix(),
        ...(cursor ? { cursor } : {}),
      });
      registrations.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return registrations.sort((a, b) => a.ticket - b.ticket);
  }

  /**
   * One more personal link to an existing registration, for the letter that sends it again; earlier
   * links keep working, so asking again cannot take a person's link away.
   */
  async addRegistrationLink(registration: RegistrationRecord, tokenHash: string): Promise<void> {
    await this.store.create({
      ...keys.workshopRegistrationToken(tokenHash),
      entity: 'WorkshopRegistrationToken',
      workshopId: registration.workshopId,
      emailHash: registration.emailHash,
      expiresAt: registration.expiresAt,
    });
    await this.store.client.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.workshopRegistration(registration.workshopId, registration.emailHash),
        ...rememberToken(tokenHash),
      }),
    );
  }

  /** Removes a registration and every link to it (Art. 17 GDPR); links made before they were recorded end by TTL. */
  async eraseRegistration(registration: RegistrationRecord): Promise<void> {
    for (const tokenHash of registration.tokenHashes ?? []) {
      await this.store.delete(keys.workshopRegistrationToken(tokenHash));
    }
    await this.store.delete(keys.workshopRegistration(registration.workshopId, registration.emailHash));
  }

  /** The first people on the waiting list, in order (gsi1; a stale entry is caught by the promotion's condition). */
  async firstWaiting(workshopId: string, limit: number): Promise<RegistrationRecord[]> {
    const page = await this.store.query(RegistrationRecord, {
      index: 'gsi1',
      partition: keys.workshopWaitingPartition(workshopId),
      limit,
    });
    return page.items.filter((registration) => registration.status === 'waiting');
  }

  private registrationItem(registration: RegistrationRecord): Record<string, unknown> {
    return {
      ...keys.workshopRegistration(registration.workshopId, registration.emailHash),
      ...(registration.status === 'waiting'
        ? keys.workshopWaiting(registration.workshopId, registration.ticket)
        : {}),
      entity: 'WorkshopRegistration',
      ...registration,
    };
  }

  private tokenPut(registration: RegistrationRecord, tokenHash: string): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: {
          ...keys.workshopRegistrationToken(tokenHash),
          entity: 'WorkshopRegistrationToken',
          workshopId: registration.workshopId,
          emailHash: registration.emailHash,
          expiresAt: registration.expiresAt,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /**
   * Runs a transaction, retrying while it only collided with a concurrent one. Answers the index of the
   * step whose condition failed, or -1 when all went through.
   */
  private async transact(items: TransactItem[]): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.store.client.send(new TransactWriteCommand({ TransactItems: items }));
        return -1;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        const failed = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
        if (failed >= 0) return failed;
        const collided = reasons.some((reason) => reason.Code === 'TransactionConflict');
        if (!collided || attempt >= 40) throw error;
        await this.backoff(attempt);
      }
    }
  }

  /**
   * A new registration with a place (`status: 'registered'`) or on the waiting list. A place is taken
   * only while one is free and nobody waits, so nobody jumps the queue; waiting always succeeds. The
   * registration replaces only a cancelled one of the same address.
   */
  async addRegistration(registration: RegistrationRecord, tokenHash: string): Promise<RegistrationOutcome> {
    const counter: TransactItem =
      registration.status === 'registered'
        ? {
            Update: {
              TableName: this.table,
              Key: keys.workshopCounter(registration.workshopId),
              UpdateExpression: 'SET #registered = #registered + :one',
              ConditionExpression: '#registered < #capacity AND #waiting = :zero',
              ExpressionAttributeNames: counterNames('#registered', '#capacity', '#waiting'),
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          }
        : {
            Update: {
              TableName: this.table,
              Key: keys.workshopCounter(registration.workshopId),
              UpdateExpression: 'SET #waiting = #waiting + :one',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeNames: counterNames('#waiting'),
              ExpressionAttributeValues: { ':one': 1 },
            },
          };
    const failed = await this.transact([
      counter,
      {
        Put: {
          TableName: this.table,
          Item: {
            ...this.registrationItem(registration),
            tokenHashes: [...(registration.tokenHashes ?? []), tokenHash],
          },
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :cancelled',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled' },
        },
      },
      this.tokenPut(registration, tokenHash),
    ]);
    return failed === -1 ? 'done' : failed === 0 ? 'full' : failed === 1 ? 'exists' : 'stale';
  }

  /** Cancels a registration and frees its place (or its spot on the waiting list) together. */
  async cancel(registration: RegistrationRecord, cancelledAt: string): Promise<RegistrationOutcome> {
    const from = registration.status;
    if (from === 'cancelled') return 'done';
    const failed = await this.transact([
      {
        Update: {
          TableName: this.table,
          Key: keys.workshopRegistration(registration.workshopId, registration.emailHash),
          UpdateExpression: 'SET #status = :cancelled, cancelledAt = :at REMOVE gsi1pk, gsi1sk',
          ConditionExpression: '#status = :from AND #ticket = :ticket',
          ExpressionAttributeNames: { '#status': 'status', '#ticket': 'ticket' },
          ExpressionAttributeValues: {
            ':cancelled': 'cancelled',
            ':at': cancelledAt,
            ':from': from,
            ':ticket': registration.ticket,
          },
        },
      },
      {
        Update: {
          TableName: this.table,
          Key: keys.workshopCounter(registration.workshopId),
          UpdateExpression:
            from === 'registered' ? 'SET #registered = #registered - :one' : 'SET #waiting = #waiting - :one',
          ExpressionAttributeNames: counterNames(from === 'registered' ? '#registered' : '#waiting'),
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
    ]);
    return failed === -1 ? 'done' : 'stale';
  }

  /**
   * Moves one waiting registration up to a free place: the counter's condition keeps the workshop
   * within its capacity, the registration's that nobody is moved up twice. A new link for the mail is
   * added; the old one keeps working.
   */
  async promote(registration: RegistrationRecord, tokenHash: string): Promise<RegistrationOutcome> {
    const failed = await this.transact([
      {
        Update: {
          TableName: this.table,
          Key: keys.workshopCounter(registration.workshopId),
          UpdateExpression: 'SET #registered = #registered + :one, #waiting = #waiting - :one',
          ConditionExpression: '#registered < #capacity',
          ExpressionAttributeNames: counterNames('#registered', '#waiting', '#capacity'),
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
      {
        Update: {
          TableName: this.table,
          Key: keys.workshopRegistration(registration.workshopId, registration.emailHash),
          UpdateExpression:
            'SET #status = :registered, tokenHashes = list_append(if_not_exists(tokenHashes, :none), :token) REMOVE gsi1pk, gsi1sk',
          ConditionExpression: '#status = :waiting AND #ticket = :ticket',
          ExpressionAttributeNames: { '#status': 'status', '#ticket': 'ticket' },
          ExpressionAttributeValues: {
            ':registered': 'registered',
            ':waiting': 'waiting',
            ':ticket': registration.ticket,
            ':none': [],
            ':token': [tokenHash],
          },
        },
      },
      this.tokenPut(registration, tokenHash),
    ]);
    return failed === -1 ? 'done' : failed === 0 ? 'full' : 'stale';
  }

  /** A survey's submissions, for the announcement; several versions of one institution may appear. */
  async submissionsOfSurvey(surveyId: string): Promise<SubmittedRecord[]> {
    const submissions: SubmittedRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.query(SubmittedRecord, {
        index: 'gsi1',
        partition: keys.submissionsOfSurvey(surveyId),
        ...(cursor ? { cursor } : {}),
      });
      submissions.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return submissions;
  }

  getInvitee(workshopId: string, invitationId: string): Promise<InviteeRecord | undefined> {
    return this.store.get(keys.workshopInvitee(workshopId, invitationId), InviteeRecord);
  }

  async listInvitees(workshopId: string): Promise<InviteeRecord[]> {
    const page = await this.store.query(InviteeRecord, {
      partition: keys.workshopPartition(workshopId),
      beginsWith: keys.workshopInviteePrefix(),
    });
    return page.items;
  }

  async inviteeByToken(tokenHash: string): Promise<InviteeRecord | undefined> {
    const token = await this.store.get(keys.workshopInviteeToken(tokenHash), InviteeTokenRecord);
    return token ? this.getInvitee(token.workshopId, token.invitationId) : undefined;
  }

  /**
   * Claims the announcement of one institution: the invitee and its link's token are written together,
   * or, when a previous attempt stopped before mailing, its link is replaced. `false` when another
   * attempt already mailed it or holds the claim.
   */
  async claimInvitee(invitee: InviteeRecord, previous: InviteeRecord | undefined): Promise<boolean> {
    const tokenItem: TransactItem = {
      Put: {
        TableName: this.table,
        Item: {
          ...keys.workshopInviteeToken(invitee.tokenHash),
          entity: 'WorkshopInviteeToken',
          workshopId: invitee.workshopId,
          invitationId: invitee.invitationId,
          expiresAt: invitee.expiresAt,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    const inviteeItem = {
      ...keys.workshopInvitee(invitee.workshopId, invitee.invitationId),
      entity: 'WorkshopInvitee',
      ...invitee,
    };
    const failed = await this.transact([
      previous
        ? {
            Put: {
              TableName: this.table,
              Item: inviteeItem,
              ConditionExpression: '#tokenHash = :previous AND attribute_not_exists(#mailedAt)',
              ExpressionAttributeNames: { '#tokenHash': 'tokenHash', '#mailedAt': 'mailedAt' },
              ExpressionAttributeValues: { ':previous': previous.tokenHash },
            },
          }
        : {
            Put: {
              TableName: this.table,
              Item: inviteeItem,
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
      tokenItem,
    ]);
    return failed === -1;
  }

  /** Gives up a claim whose mail did not go out: the invitee and its link's token go together. */
  async releaseInvitee(invitee: InviteeRecord): Promise<void> {
    await this.store.transact([
      { kind: 'delete', key: keys.workshopInvitee(invitee.workshopId, invitee.invitationId) },
      { kind: 'delete', key: keys.workshopInviteeToken(invitee.tokenHash) },
    ]);
  }

  markInviteeMailed(invitee: InviteeRecord, mailedAt: string) {
    return this.store.update(keys.workshopInvitee(invitee.workshopId, invitee.invitationId), { mailedAt });
  }
}
