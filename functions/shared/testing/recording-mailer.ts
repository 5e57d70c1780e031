import { randomUUID } from 'node:crypto';
import type { Mailer, MailMessage } from '../mail/mailer';

/** A mailer for use-case tests: keeps what would have been sent. */
export class RecordingMailer implements Mailer {
  sent: MailMessage[] = [];

  async send(message: MailMessage) {
    this.sent.push(message);
    return { messageId: randomUUID() };
  }
}
