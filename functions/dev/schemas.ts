import { z } from 'zod';
import { OutboxMessage } from '../shared/mail/outbox-mailer';

export const DevSignInRequest = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

export const SignInToken = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  email: z.string(),
  groups: z.array(z.string()),
});

export const OutboxQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2000).optional(),
  lang: z.string().max(10).optional(),
});

export const OutboxPage = z.object({ messages: z.array(OutboxMessage), cursor: z.string().optional() });
