import { useState } from 'preact/hooks';
import type { z } from 'zod';
import type { OutboxPage as OutboxPageSchema } from '../../../../functions/dev/schemas';
import type { OutboxMessage } from '../../../../functions/shared/mail/outbox-mailer';
import { api, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { Page } from '../../page';
import { useSite } from '../../site';
import { OutboxMessageView } from './outbox-message';

type OutboxPageAnswer = z.infer<typeof OutboxPageSchema>;

function fetchOutbox(cursor: string | undefined, signal?: AbortSignal): Promise<OutboxPageAnswer> {
  const query = new URLSearchParams({ limit: '20', ...(cursor ? { cursor } : {}) });
  return api<OutboxPageAnswer>(`/api/dev/outbox?${query}`, { signal });
}

function Messages(props: { first: OutboxPageAnswer }) {
  const { t } = useI18n();
  const [messages, setMessages] = useState<OutboxMessage[]>(props.first.messages);
  const [cursor, setCursor] = useState(props.first.cursor);
  const [moreError, setMoreError] = useState<string | undefined>();

  async function loadMore() {
    try {
      const next = await fetchOutbox(cursor);
      setMessages((current) => [...current, ...next.messages]);
      setCursor(next.cursor);
      setMoreError(undefined);
    } catch (error) {
      setMoreError(failureText(error, t('app.loadFailed')));
    }
  }

  if (messages.length === 0) return <p class="notice">{t('outbox.empty')}</p>;
  return (
    <>
      <ol class="mail-list">
        {messages.map((message) => (
          <li key={message.messageId}>
            <OutboxMessageView message={message} />
          </li>
        ))}
      </ol>
      {moreError && (
        <p class="form__error" role="alert">
          {moreError}
        </p>
      )}
      {cursor && (
        <button type="button" class="button button--secondary" onClick={() => void loadMore()}>
          {t('outbox.loadMore')}
        </button>
      )}
    </>
  );
}

/** The local stage's stand-in for a mailbox: every e-mail the system "sent", newest first. */
export function OutboxPage() {
  const { t } = useI18n();
  const { site, retry: retrySite } = useSite();
  const isLocal = site.state === 'ready' && site.data.stage === 'local';
  const [first, retry] = useLoad(isLocal ? 'outbox' : undefined, (signal) => fetchOutbox(undefined, signal));
  return (
    <Page title={t('outbox.title')}>
      <p class="lead">{t('outbox.intro')}</p>
      {site.state !== 'ready' ? (
        <LoadState loaded={site} retry={retrySite}>
          {() => null}
        </LoadState>
      ) : !isLocal ? (
        <p class="notice">{t('outbox.unavailable')}</p>
      ) : (
        <LoadState loaded={first} retry={retry}>
          {(page) => <Messages first={page} />}
        </LoadState>
      )}
    </Page>
  );
}
