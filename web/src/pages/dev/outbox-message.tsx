import { useEffect, useMemo } from 'preact/hooks';
import type { OutboxMessage } from '../../../../functions/shared/mail/outbox-mailer';
import { useI18n } from '../../i18n';
import { bytesFromBase64, safeContentType } from './attachments';

type Attachment = OutboxMessage['attachments'][number];

function AttachmentLink(props: { attachment: Attachment }) {
  const { attachment } = props;
  const url = useMemo(
    () =>
      URL.createObjectURL(
        new Blob([bytesFromBase64(attachment.contentBase64)], {
          type: safeContentType(attachment.contentType),
        }),
      ),
    [attachment],
  );
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <a href={url} download={attachment.filename}>
      {attachment.filename}
    </a>
  );
}

/**
 * One e-mail of the outbox. Everything in it was written by someone else (or built from their input),
 * so it is shown as text only: the body in a preformatted block, never interpreted as HTML.
 */
export function OutboxMessageView(props: { message: OutboxMessage }) {
  const { t, language } = useI18n();
  const { message } = props;
  const headingId = `message-${message.messageId}`;
  const sentAt = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(message.sentAt),
  );
  return (
    <article class="mail" aria-labelledby={headingId}>
      <h2 id={headingId} class="mail__subject">
        <span class="visually-hidden">{t('outbox.subject')}: </span>
        {message.subject}
      </h2>
      <dl class="facts mail__meta">
        <dt>{t('outbox.to')}</dt>
        <dd>{message.to.join(', ')}</dd>
        <dt>{t('outbox.sentAt')}</dt>
        <dd>
          <time dateTime={message.sentAt}>{sentAt}</time>
        </dd>
        <dt>{t('outbox.language')}</dt>
        <dd>{message.language}</dd>
        <dt>{t('outbox.purpose')}</dt>
        <dd>{message.purpose}</dd>
      </dl>
      <pre class="mail__text" data-testid="mail-text">
        {message.text}
      </pre>
      {message.attachments.length > 0 && (
        <div class="mail__attachments">
          <h3>{t('outbox.attachments')}</h3>
          <ul>
            {message.attachments.map((attachment, index) => (
              <li key={`${attachment.filename}-${index}`}>
                <AttachmentLink attachment={attachment} />{' '}
                <span class="muted">({attachment.contentType})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
