import { z } from 'zod';
import { RateLimitsFromEnv } from './rate-limits';
import { BotAppType, CountyDetails, isCloudStage, MailerKind, placeholdersIn, StageName } from './stage';

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Every environment variable a function reads, checked once at start-up. */
const RuntimeEnv = z.object({
  WEGWEISER_STAGE: StageName,
  WEGWEISER_TABLE_NAME: z.string().min(3).max(255),
  WEGWEISER_DYNAMODB_ENDPOINT: z.url().optional(),
  WEGWEISER_MAILER: MailerKind,
  WEGWEISER_MAIL_FROM: z.email(),
  WEGWEISER_PUBLIC_BASE_URL: z.url(),
  WEGWEISER_DEV_SIGN_IN: flag.default(false),
  WEGWEISER_DEV_TOKEN_SECRET: z.string().min(32).optional(),
  WEGWEISER_BOT_AUTH: flag.default(true),
  WEGWEISER_COUNTY: z
    .string()
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not JSON' });
        return z.NEVER;
      }
    })
    .pipe(CountyDetails),
  WEGWEISER_COGNITO_DOMAIN: z.string().max(300).optional(),
  WEGWEISER_COGNITO_CLIENT_ID: z.string().max(200).optional(),
  WEGWEISER_BOT_APP_ID: z.string().max(200).default(''),
  WEGWEISER_BOT_APP_TYPE: BotAppType.default('SingleTenant'),
  WEGWEISER_BOT_TENANT_ID: z.string().max(200).default(''),
  /** Secrets Manager secret holding the bot's app password (cloud only). */
  WEGWEISER_BOT_SECRET_ARN: z.string().max(2048).default(''),
  /** Secrets Manager secret holding the Direct Line channel's secret, exchanged for web chat tokens (cloud only). */
  WEGWEISER_DIRECT_LINE_SECRET_ARN: z.string().max(2048).default(''),
  /**
   * Only CloudFront reaches the API: the Secrets Manager secret whose value CloudFront sends in the
   * origin header (cloud, required), or the value itself where the local server adds the header (local).
   */
  WEGWEISER_ORIGIN_SECRET_ARN: z.string().startsWith('arn:').max(2048).optional(),
  WEGWEISER_ORIGIN_SECRET: z.string().min(32).max(200).optional(),
  /**
   * Interview reminders: EventBridge Scheduler one-time schedules in the cloud (group and the role
   * Scheduler assumes to invoke the function), due items in the table read by the local server's timer.
   */
  WEGWEISER_REMINDER_SCHEDULER: z.enum(['eventbridge', 'table']).optional(),
  WEGWEISER_REMINDER_SCHEDULE_GROUP: z.string().min(1).max(64).optional(),
  WEGWEISER_REMINDER_ROLE_ARN: z.string().startsWith('arn:').max(2048).optional(),
  /** Overrides of the rate limits' defaults (JSON, see rate-limits.ts). */
  WEGWEISER_RATE_LIMITS: RateLimitsFromEnv,
  AWS_REGION: z.string().default('eu-central-1'),
});

export type RuntimeConfig = ReturnType<typeof parseRuntimeConfig>;

export class StartupRefused extends Error {
  override name = 'StartupRefused';
}

/** Validates the environment; a cloud stage with any local-only switch or county placeholder is refused. */
export function parseRuntimeConfig(env: Record<string, string | undefined>) {
  const parsed = RuntimeEnv.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new StartupRefused(`Invalid environment: ${fields.join('; ')}`);
  }
  const e = parsed.data;
  const stage = e.WEGWEISER_STAGE;
  if (isCloudStage(stage)) {
    const localOnly = [
      e.WEGWEISER_DEV_SIGN_IN && 'WEGWEISER_DEV_SIGN_IN',
      e.WEGWEISER_DEV_TOKEN_SECRET && 'WEGWEISER_DEV_TOKEN_SECRET',
      !e.WEGWEISER_BOT_AUTH && 'WEGWEISER_BOT_AUTH=false',
      e.WEGWEISER_MAILER === 'outbox' && 'WEGWEISER_MAILER=outbox',
      e.WEGWEISER_DYNAMODB_ENDPOINT && 'WEGWEISER_DYNAMODB_ENDPOINT',
      e.WEGWEISER_REMINDER_SCHEDULER === 'table' && 'WEGWEISER_REMINDER_SCHEDULER=table',
      e.WEGWEISER_ORIGIN_SECRET && 'WEGWEISER_ORIGIN_SECRET',
    ].filter(Boolean);
    if (localOnly.length > 0) {
      throw new StartupRefused(`Local-only settings in cloud stage "${stage}": ${localOnly.join(', ')}`);
    }
    if (!e.WEGWEISER_ORIGIN_SECRET_ARN) {
      // Without it the default execute-api endpoint would answer anyone who bypasses CloudFront.
      throw new StartupRefused(`Cloud stage "${stage}" needs WEGWEISER_ORIGIN_SECRET_ARN`);
    }
    const placeholders = placeholdersIn(e.WEGWEISER_COUNTY);
    if (placeholders.length > 0) {
      throw new StartupRefused(`County details still hold placeholders: ${placeholders.join(', ')}`);
    }
  }
  if (
    e.WEGWEISER_REMINDER_SCHEDULER === 'eventbridge' &&
    !(e.WEGWEISER_REMINDER_SCHEDULE_GROUP && e.WEGWEISER_REMINDER_ROLE_ARN)
  ) {
    throw new StartupRefused(
      'WEGWEISER_REMINDER_SCHEDULER=eventbridge needs WEGWEISER_REMINDER_SCHEDULE_GROUP and WEGWEISER_REMINDER_ROLE_ARN',
    );
  }
  if (e.WEGWEISER_DEV_SIGN_IN && !e.WEGWEISER_DEV_TOKEN_SECRET) {
    throw new StartupRefused('WEGWEISER_DEV_SIGN_IN needs WEGWEISER_DEV_TOKEN_SECRET');
  }
  return {
    stage,
    tableName: e.WEGWEISER_TABLE_NAME,
    dynamoDbEndpoint: e.WEGWEISER_DYNAMODB_ENDPOINT,
    region: e.AWS_REGION,
    mailer: e.WEGWEISER_MAILER,
    mailFrom: e.WEGWEISER_MAIL_FROM,
    publicBaseUrl: e.WEGWEISER_PUBLIC_BASE_URL.replace(/\/$/, ''),
    devSignIn: e.WEGWEISER_DEV_SIGN_IN,
    devTokenSecret: e.WEGWEISER_DEV_TOKEN_SECRET,
    botAuthentication: e.WEGWEISER_BOT_AUTH,
    bot: {
      appId: e.WEGWEISER_BOT_APP_ID,
      appType: e.WEGWEISER_BOT_APP_TYPE,
      tenantId: e.WEGWEISER_BOT_TENANT_ID,
      secretArn: e.WEGWEISER_BOT_SECRET_ARN,
      directLineSecretArn: e.WEGWEISER_DIRECT_LINE_SECRET_ARN,
    },
    county: e.WEGWEISER_COUNTY,
    rateLimits: e.WEGWEISER_RATE_LIMITS,
    origin: e.WEGWEISER_ORIGIN_SECRET_ARN
      ? { kind: 'secretsManager' as const, secretArn: e.WEGWEISER_ORIGIN_SECRET_ARN }
      : e.WEGWEISER_ORIGIN_SECRET
        ? { kind: 'fixed' as const, value: e.WEGWEISER_ORIGIN_SECRET }
        : undefined,
    reminders:
      e.WEGWEISER_REMINDER_SCHEDULER === 'eventbridge'
        ? {
            kind: 'eventbridge' as const,
            scheduleGroup: e.WEGWEISER_REMINDER_SCHEDULE_GROUP ?? '',
            roleArn: e.WEGWEISER_REMINDER_ROLE_ARN ?? '',
          }
        : e.WEGWEISER_REMINDER_SCHEDULER === 'table'
          ? { kind: 'table' as const }
          : undefined,
    cognito:
      e.WEGWEISER_COGNITO_DOMAIN && e.WEGWEISER_COGNITO_CLIENT_ID
        ? { domain: e.WEGWEISER_COGNITO_DOMAIN, clientId: e.WEGWEISER_COGNITO_CLIENT_ID }
        : undefined,
  } as const;
}

let cached: RuntimeConfig | undefined;

/** The function's configuration, read from the environment once per process. */
export function runtimeConfig(): RuntimeConfig {
  cached ??= parseRuntimeConfig(process.env);
  return cached;
}
