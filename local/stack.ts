import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { RateLimits } from '../functions/shared/config/rate-limits';
import { StageConfig } from '../functions/shared/config/stage';
import { createDocumentClient } from '../functions/shared/store/client';
import { Store } from '../functions/shared/store/store';
import { type EmbeddedDynamoDb, ensureTable, freePort, startEmbeddedDynamoDb } from './embedded-dynamodb';
import { seedDemoData } from './seed';
import type { StreamPoller } from './stream-poller';

export const localTableName = 'wegweiser-local';
const repositoryRoot = resolve(import.meta.dirname, '..');

export interface LocalStackOptions {
  port?: number;
  /** Where DynamoDB Local keeps its file; `undefined` with `inMemory` for a throw-away store. */
  dataDir?: string;
  inMemory?: boolean;
  /** Any other DynamoDB (e.g. one started elsewhere) instead of the embedded one. */
  dynamoDbEndpoint?: string;
  seed?: boolean;
  webRoot?: string;
  /** Another table name, so that several stacks can share one DynamoDB (tests). */
  tableName?: string;
  /** How often the local scheduler looks for due interview reminders; 0 turns it off. */
  reminderIntervalMs?: number;
  /** Overrides of the rate limits (`WEGWEISER_RATE_LIMITS`), e.g. lower ones in a test proving refusal. */
  rateLimits?: Partial<RateLimits>;
  /** How often the table's stream is polled for the evaluation's aggregates; 0 turns it off. */
  streamIntervalMs?: number;
}

export interface LocalStack {
  url: string;
  port: number;
  dynamoDbEndpoint: string;
  tableName: string;
  store: Store;
  /** The evaluation aggregates' stream poller (`drain` waits until they have caught up). */
  aggregates?: StreamPoller;
  stop(): Promise<void>;
}

function devTokenSecret(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(32).toString('hex');
  // Kept beside the data so that sign-ins survive a restart.
  const file = join(dataDir, 'dev-token-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Sets the environment the functions read, from the local stage config (as CDK does in the cloud). */
function configureEnvironment(
  endpoint: string,
  secret: string,
  port: number,
  tableName: string,
  rateLimits: Partial<RateLimits> | undefined,
  originSecret: string,
): void {
  const config = StageConfig.parse(
    JSON.parse(readFileSync(join(repositoryRoot, 'config/local.json'), 'utf8')),
  );
  Object.assign(process.env, {
    WEGWEISER_STAGE: config.stage,
    WEGWEISER_TABLE_NAME: tableName,
    WEGWEISER_DYNAMODB_ENDPOINT: endpoint,
    WEGWEISER_MAILER: config.mailer,
    WEGWEISER_MAIL_FROM: config.mailFrom,
    WEGWEISER_PUBLIC_BASE_URL: `http://localhost:${port}`,
    WEGWEISER_DEV_SIGN_IN: String(config.devSignIn),
    WEGWEISER_DEV_TOKEN_SECRET: secret,
    WEGWEISER_BOT_AUTH: String(config.botAuthentication),
    WEGWEISER_COUNTY: JSON.stringify(config.county),
    WEGWEISER_REMINDER_SCHEDULER: 'table',
    WEGWEISER_ORIGIN_SECRET: originSecret,
    AWS_REGION: config.region,
  });
  // Set or cleared on every start, so one stack's test limits never leak into the next.
  if (rateLimits) process.env.WEGWEISER_RATE_LIMITS = JSON.stringify(rateLimits);
  else delete process.env.WEGWEISER_RATE_LIMITS;
}

/** The whole system on one machine: embedded DynamoDB, the table, demo data, the local server. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const dataDir = options.inMemory ? undefined : resolve(options.dataDir ?? join(repositoryRoot, '.data'));
  let embedded: EmbeddedDynamoDb | undefined;
  let endpoint = options.dynamoDbEndpoint;
  if (!endpoint) {
    embedded = await startEmbeddedDynamoDb(dataDir ? { dataDir: join(dataDir, 'dynamodb') } : {});
    endpoint = embedded.endpoint;
  }
  const tableName = options.tableName ?? localTableName;
  await ensureTable(endpoint, tableName);
  // A free port is chosen up front, so the links the functions write (e-mails) carry the real one.
  const port = options.port === 0 ? await freePort() : (options.port ?? 3000);
  const secret = devTokenSecret(dataDir);
  // One value per process: the functions read their configuration once, whichever stack set it first.
  const originSecret = process.env.WEGWEISER_ORIGIN_SECRET ?? randomBytes(32).toString('hex');
  configureEnvironment(endpoint, secret, port, tableName, options.rateLimits, originSecret);

  const store = new Store(createDocumentClient({ region: 'eu-central-1', endpoint }), tableName);
  if (options.seed !== false) await seedDemoData(store);

  // Imported only now: the functions read the environment set above when they start.
  const { localHandlers } = await import('./functions');
  const { createLocalServer } = await import('./server');
  const { handleStream } = await import('../functions/evaluation/aggregates/index');
  const { startStreamPoller, withFreshAggregates } = await import('./stream-poller');
  const streamInterval = options.streamIntervalMs ?? 250;
  const aggregates =
    streamInterval > 0
      ? startStreamPoller({ endpoint, tableName, intervalMs: streamInterval }, handleStream)
      : undefined;
  const server = createLocalServer({
    handlers: aggregates ? withFreshAggregates(localHandlers, aggregates) : localHandlers,
    webRoot: options.webRoot ?? process.env.WEGWEISER_WEB_DIST ?? join(repositoryRoot, 'web/dist'),
    devTokenSecret: secret,
    includeLocalOnly: true,
    originSecret,
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => listening());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const { handler: interviews } = await import('../functions/interviews/index');
  const { startReminderTimer } = await import('./interview-reminders');
  const reminderInterval = options.reminderIntervalMs ?? 30_000;
  const reminders =
    reminderInterval > 0
      ? startReminderTimer(store, interviews, { intervalMs: reminderInterval })
      : undefined;
  return {
    url: `http://localhost:${actualPort}`,
    port: actualPort,
    dynamoDbEndpoint: endpoint,
    tableName,
    store,
    ...(aggregates ? { aggregates } : {}),
    stop: async () => {
      await aggregates?.stop();
      await reminders?.stop();
      await new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      });
      store.client.destroy();
      await embedded?.stop();
    },
  };
}
