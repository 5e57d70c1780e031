import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { isStreamSource } from '../functions/evaluation/aggregates/stream';
import { routes } from '../functions/routes';
import type { HttpLambda } from '../functions/shared/http/handler';
import { type FunctionName, routeKey } from '../functions/shared/http/route';
import { errorFields, logger } from '../functions/shared/log/logger';
import { localClient } from './embedded-dynamodb';

export interface StreamPoller {
  /** Reads and applies everything the stream holds now; resolves when a round found nothing new. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export type StreamConsumer = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

/** How often a failed record is tried again before it is logged and left (the cloud's retries and DLQ). */
const attemptsPerRecord = 3;
/** Responses applied side by side, as Lambda runs the stream's shards side by side. */
const parallelResponses = 8;

/**
 * The local server's stand-in for Lambda's event source mapping: polls DynamoDB Local's stream of
 * the table, keeps only the records the cloud's filter lets through (`isStreamSource`), and hands them
 * to the same consumer handler, in order per response. New shards are picked up on every round.
 */
export function startStreamPoller(
  options: { endpoint: string; tableName: string; intervalMs: number },
  consume: StreamConsumer,
): StreamPoller {
  const streams = new DynamoDBStreamsClient({
    region: 'eu-central-1',
    endpoint: options.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const iterators = new Map<string, string | undefined>();
  const finished = new Set<string>();
  let streamArn: string | undefined;
  let stopped = false;

  async function shards(): Promise<void> {
    if (!streamArn) {
      const tables = localClient(options.endpoint);
      try {
        const { Table } = await tables.send(new DescribeTableCommand({ TableName: options.tableName }));
        streamArn = Table?.LatestStreamArn;
      } finally {
        tables.destroy();
      }
      if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);
    }
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      const id = shard.ShardId;
      if (!id || iterators.has(id) || finished.has(id)) continue;
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: id, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      iterators.set(id, ShardIterator);
    }
  }

  async function deliver(records: StreamRecord[]): Promise<void> {
    // One queue per response, in stream order; responses side by side.
    const perResponse = new Map<string, DynamoDBRecord[]>();
    for (const record of records) {
      const sortKey = record.dynamodb?.Keys?.sk?.S;
      if (!sortKey || !isStreamSource(sortKey)) continue;
      const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
      const key = image?.invitationId?.S ?? record.dynamodb?.Keys?.pk?.S ?? '';
      // The two SDKs describe the same JSON with their own types.
      perResponse.set(key, [...(perResponse.get(key) ?? []), record as unknown as DynamoDBRecord]);
    }
    const queues = [...perResponse.values()];
    const worker = async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        let pending = queue;
        for (let attempt = 1; pending.length > 0; attempt += 1) {
          const { batchItemFailures } = await consume({ Records: pending });
          const failed = batchItemFailures[0]?.itemIdentifier;
          if (!failed) break;
          const at = pending.findIndex((record) => record.dynamodb?.SequenceNumber === failed);
          if (attempt >= attemptsPerRecord) {
            logger.error('local stream record left after retries', { sequenceNumber: failed });
            pending = pending.slice(at + 1);
            attempt = 0;
          } else {
            pending = pending.slice(Math.max(at, 0));
          }
        }
      }
    };
    await Promise.all(Array.from({ length: parallelResponses }, worker));
  }

  /** One round over every open shard; the number of records read. */
  async function round(): Promise<number> {
    await shards();
    let read = 0;
    for (const [id, iterator] of iterators) {
      if (!iterator) {
        iterators.delete(id);
        finished.add(id);
        continue;
      }
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }),
      );
      await deliver(Records);
      read += Records.length;
      iterators.set(id, NextShardIterator);
    }
    return read;
  }

  let running: Promise<number> | undefined;
  const once = () => {
    running ??= round().finally(() => {
      running = undefined;
    });
    return running;
  };

  const timer = setInterval(() => {
    if (stopped) return;
    once().catch((error) => logger.error('local stream round failed', errorFields(error)));
  }, options.intervalMs);
  timer.unref();

  return {
    drain: async () => {
      // A round under way may have started before the caller's writes: only fresh rounds count.
      await running?.catch(() => 0);
      let total = 0;
      for (;;) {
        const read = await once();
        total += read;
        if (read === 0) return total;
      }
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
      streams.destroy();
    },
  };
}

/**
 * Read-your-writes for the local server: a dashboard request after a write request waits until the
 * poller has applied the stream, so a page opened right after a change (tests, a demo) shows it. In
 * the cloud the dashboard lags the writes by the stream's delay instead (README, "How the figures are
 * computed"). Requests without a write before them are not held up.
 */
export function withFreshAggregates(
  handlers: Record<FunctionName, HttpLambda>,
  poller: StreamPoller,
): Record<FunctionName, HttpLambda> {
  const dashboard = routeKey(routes.getEvaluation);
  let written = true;
  const wrapped = Object.entries(handlers).map(([name, lambda]): [string, HttpLambda] => [
    name,
    async (event, context) => {
      if (event.routeKey === dashboard && written) {
        written = false;
        await poller.drain();
      }
      const result = await lambda(event, context);
      if (!event.routeKey.startsWith('GET ')) written = true;
      return result;
    },
  ]);
  return Object.fromEntries(wrapped) as Record<FunctionName, HttpLambda>;
}

/** Every record the table's stream holds now, all shards from their start (tests). */
export async function readStream(endpoint: string, tableName: string): Promise<StreamRecord[]> {
  const records: StreamRecord[] = [];
  const poller = startStreamPoller({ endpoint, tableName, intervalMs: 3_600_000 }, async (event) => {
    records.push(...(event.Records as unknown as StreamRecord[]));
    return { batchItemFailures: [] };
  });
  await poller.drain();
  await poller.stop();
  return records;
}
