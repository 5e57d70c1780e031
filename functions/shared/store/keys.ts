/**
 * Every key of the single table, built in one place. `pk`/`sk` address an item; `gsi1`/`gsi2` serve
 * the listed access patterns. No request path scans: every list is a Query on one of these.
 */
export interface ItemKey {
  pk: string;
  sk: string;
}

export interface IndexKeys {
  gsi1pk?: string;
  gsi1sk?: string;
  gsi2pk?: string;
  gsi2sk?: string;
}

const part = (value: string) => value.replaceAll('#', '%23');

export const keys = {
  /** Results of retried writes, keyed by scope (route or use case) and the client's idempotency key. */
  idempotencyRecord: (scope: string, key: string): ItemKey => ({
    pk: `IDEMPOTENCY#${part(scope)}#${part(key)}`,
    sk: 'RECORD',
  }),

  /** A message in the dev outbox (local stage only); newest first through gsi1. */
  outboxMessage: (messageId: string): ItemKey & IndexKeys => ({
    pk: `OUTBOX#${part(messageId)}`,
    sk: 'MESSAGE',
  }),
  outboxByTime: (sentAtIso: string, messageId: string): IndexKeys => ({
    gsi1pk: 'OUTBOX',
    gsi1sk: `${sentAtIso}#${part(messageId)}`,
  }),
  outboxPartition: () => 'OUTBOX',

  /** A development sign-in account (local stage only; the cloud uses Cognito). */
  devUser: (email: string): ItemKey => ({ pk: `DEVUSER#${part(email.toLowerCase())}`, sk: 'ACCOUNT' }),

  /** Marks a demo record as seeded, so a re-seed never overwrites what a user changed. */
  seedMarker: (seedId: string): ItemKey => ({ pk: `SEED#${part(seedId)}`, sk: 'MARKER' }),
} as const;
