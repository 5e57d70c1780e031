import { z } from 'zod';

const id = z.string().min(1).max(1000);
const account = z.looseObject({ id, name: z.string().max(500).optional() });

/**
 * The Bot Framework Activity as far as the endpoint checks it before the SDK sees it: channels send
 * many more fields, which pass through untouched (loose objects), but every string is bounded.
 */
export const IncomingActivity = z.looseObject({
  type: z.string().min(1).max(100),
  id: id.optional(),
  channelId: z.string().min(1).max(200),
  serviceUrl: z.url().max(2000),
  conversation: z.looseObject({ id }),
  from: account,
  recipient: account.optional(),
  text: z.string().max(10_000).optional(),
  locale: z.string().max(50).optional(),
  deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
  value: z.unknown().optional(),
});

/**
 * A Direct Line token for one new web chat conversation (cloud stages). The page hands it to Web
 * Chat's `createDirectLine({ token })`; the Direct Line secret it was exchanged with stays on the server.
 */
export const DirectLineToken = z.object({
  token: z.string().min(1),
  conversationId: z.string().min(1),
  /** Seconds until the token expires; Web Chat refreshes it before then. */
  expiresIn: z.number().int().positive(),
});
export type DirectLineToken = z.infer<typeof DirectLineToken>;
