import { z } from 'zod';
import { expiryOf } from '../domain/retention';
import { languageCodes } from '../i18n/languages';
import { keys } from '../store/keys';
import type { Store } from '../store/store';
import type { Mailer, MailMessage } from './mailer';

export const OutboxMessage = z.object({
  messageId: z.string(),
  sentAt: z.iso.datetime(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  language: z.enum(languageCodes),
  purpose: z.string(),
  attachments: z
    .array(z.object({ filename: z.string(), contentType: z.string(), contentBase64: z.string() }))
    .default([]),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/** Local stand-in for SES: keeps every message (with attachments) in the table for 30 days. */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const messageId = crypto.randomUUID();
    const sentAt = this.now().toISOString();
    const record: OutboxMessage = {
      messageId,
      sentAt,
      to: message.to,
      subject: message.subject,
      text: message.text,
      language: message.language,
      purpose: message.purpose,
      attachments: message.attachments ?? [],
    };
    await this.store.create({
      ...keys.outboxMessage(messageId),
      ...keys.outboxByTime(sentAt, messageId),
      entity: 'OutboxMessage',
      ...record,
      expiresAt: expiryOf('outboxMail', this.now()),
    });
    return { messageId };
  }
}
