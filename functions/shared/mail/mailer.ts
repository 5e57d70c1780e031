import type { Language } from '../i18n/languages';

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** Base64 of the file's bytes. */
  contentBase64: string;
}

export interface MailMessage {
  to: string[];
  subject: string;
  /** Plain text is the body of record; any HTML is rendered from escaped text only. */
  text: string;
  language: Language;
  attachments?: MailAttachment[];
  /** What the message is about, for the outbox and metrics: an id, never personal data. */
  purpose: string;
}

/** Sends e-mail: Amazon SES in the cloud, the dev outbox locally. Use cases only see this. */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}
