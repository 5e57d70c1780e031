import { z } from 'zod';

/**
 * What a route's requests are counted by (declared per route in its contract, `limits`):
 * - `address`: the client's address, over every public and token route together;
 * - `mail`: the client's address again, stricter, over the routes that send e-mail;
 * - `recipient`: the e-mail address a stranger asks mail to be sent to, per UTC day;
 * - `token`: the link's token (survey, interview booking, workshop registration);
 * - `conversation`: the chat conversation (all channel traffic comes from the Bot Service's addresses).
 */
export const limitClasses = ['address', 'mail', 'recipient', 'token', 'conversation'] as const;
export type LimitClass = (typeof limitClasses)[number];

/** Window lengths divide a day, so that windows never straddle midnight (when the key's salt changes). */
const windowSeconds = z
  .number()
  .int()
  .min(1)
  .max(86_400)
  .refine((seconds) => 86_400 % seconds === 0, 'must divide a day (86400 seconds)');

export const WindowLimit = z.strictObject({
  /** Requests allowed in one window; the next one is refused with 429 until the window ends. */
  limit: z.number().int().min(1).max(1_000_000),
  windowSeconds,
});
export type WindowLimit = z.infer<typeof WindowLimit>;

/**
 * The defaults: far above what people do (and what the integration, fuzz and e2e tests do from one
 * address), low enough to stop a script. An office behind one NAT address shares `address` and `mail`.
 */
export const defaultRateLimits = {
  /** 20 requests a second on average from one address, over all public routes. */
  address: { limit: 1200, windowSeconds: 60 },
  /** 60 valid requests to mail-sending routes per 10 minutes from one address. */
  mail: { limit: 60, windowSeconds: 600 },
  /** 20 mails a stranger can make us send to one inbox per UTC day. */
  recipient: { limit: 20, windowSeconds: 86_400 },
  /** 240 requests a minute with one link (the survey form autosaves every few seconds). */
  token: { limit: 240, windowSeconds: 60 },
  /** 120 activities a minute in one conversation (messages, typing, updates). */
  conversation: { limit: 120, windowSeconds: 60 },
} as const satisfies Record<LimitClass, WindowLimit>;

export const RateLimits = z.strictObject({
  address: WindowLimit.default(defaultRateLimits.address),
  mail: WindowLimit.default(defaultRateLimits.mail),
  recipient: WindowLimit.default(defaultRateLimits.recipient),
  token: WindowLimit.default(defaultRateLimits.token),
  conversation: WindowLimit.default(defaultRateLimits.conversation),
});
export type RateLimits = z.infer<typeof RateLimits>;

/**
 * `WEGWEISER_RATE_LIMITS` overrides some classes as JSON, e.g. `{"mail":{"limit":5,"windowSeconds":60}}`
 * (a test stack proving refusal); absent, the defaults hold.
 */
export const RateLimitsFromEnv = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined || raw.trim() === '') return {};
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not JSON' });
      return z.NEVER;
    }
  })
  .pipe(RateLimits);

/**
 * When the store cannot count, `open` lets the request through (the API's stage throttling still
 * bounds it, and refusing every survey answer because a counter is unavailable is worse than a
 * burst); `closed` refuses with 503: mail reaches third parties' inboxes and cannot be taken back,
 * and the mail routes need the same store to do their work anyway.
 */
export const failurePolicy = {
  address: 'open',
  mail: 'closed',
  recipient: 'closed',
  token: 'open',
  conversation: 'open',
} as const satisfies Record<LimitClass, 'open' | 'closed'>;
