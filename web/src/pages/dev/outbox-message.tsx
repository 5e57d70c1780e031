import { useEffect, useMemo } from 'preact/hooks';
import { formatDateTime, languageName } from '../../../../functions/shared/i18n/format';
import { directionOf, isLanguage } from '../../../../functions/shared/i18n/languages';
import type { OutboxMessage } from '../../../../functions/shared/mail/outbox-mailer';
import { useI18n } from '../../i18n';
import { bytesFromBase64, safeContentType } from './attachments';
import { mailTextParts } from './mail-text';

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
 * so it is shown as text only: the body in a preformatted block, never interpreted as HTML; web
 * addresses become links, as a mail program shows them. Subject and body are in the mail's own
 * language and direction (an Arabic mail reads right to left on the German outbox page).
 */
export function OutboxMessageView(props: { message: OutboxMessage }) {
  const { t, language } = useI18n();
  const { message } = props;
  const headingId = `message-${message.messageId}`;
  const sentAt = formatDateTime(message.sentAt, language);
  const own = isLanguage(message.language)
    ? { lang: message.language, dir: directionOf(message.language) }
    : { dir: 'auto' as const };
  return (
    <article class="mail" aria-labelledby={headingId}>
      <h2 id={headingId} class="mail__subject">
        <span class="visually-hidden">{t('outbox.subject')}: </span>
        <bdi {...own}>{message.subject}</bdi>
      </h2>
      <dl class="facts mail__meta">
        <dt>{t('outbox.to')}</dt>
        <dd>
          {message.to.map((address, index) => (
            <span key={address}>
              {index > 0 ? ', ' : ''}
              <bdi dir="ltr">{address}</bdi>
            </span>
          ))}
        </dd>
        <dt>{t('outbox.sentAt')}</dt>
        <dd>
          <time dateTime={message.sentAt}>{sentAt}</time>
        </dd>
        <dt>{t('outbox.language')}</dt>
        <dd>
          {languageName(message.language, language)} (<span dir="ltr">{message.language}</span>)
        </dd>
        <dt>{t('outbox.purpose')}</dt>
        <dd>{message.purpose}</dd>
      </dl>
      <pre class="mail__text" data-testid="mail-text" {...own}>
        {mailTextParts(message.text).map((part, index) =>
          part.kind === 'link' ? (
            <a key={index} href={part.href} dir="ltr" rel="noreferrer">
              {part.href}
            </a>
          ) : (
            part.text
          ),
        )}
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
