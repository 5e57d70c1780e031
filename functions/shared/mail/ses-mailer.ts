import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer, MailMessage } from './mailer';

/** Amazon SES v2; the sender identity is verified per stage (see README, "Deploy"). */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly from: string,
  ) {}

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const result = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: message.to },
        EmailTags: [{ Name: 'purpose', Value: message.purpose.replace(/[^\w-]/g, '_') }],
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
            Headers: [{ Name: 'Content-Language', Value: message.language }],
            Attachments: (message.attachments ?? []).map((attachment) => ({
              FileName: attachment.filename,
              ContentType: attachment.contentType,
              RawContent: Buffer.from(attachment.contentBase64, 'base64'),
            })),
          },
        },
      }),
    );
    return { messageId: result.MessageId ?? 'unknown' };
  }
}
