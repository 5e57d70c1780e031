import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DirectLineToken } from '../../../../functions/chatbot/schemas';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { Page } from '../../page';
import { type SiteInfo, useSite } from '../../site';
import type { MountedWebChat, WebChatProps } from './web-chat';
import { chatTimestamp, webChatStrings } from './web-chat-strings';
import './chat.css';

type Transport = SiteInfo['chatTransport'];
type ChatState = { state: 'loading' } | { state: 'ready' } | { state: 'failed' };

/**
 * Web Chat and its transport, loaded together in their own chunk (React included), so only this page
 * pays for them. Locally our own Direct Line-compatible transport posts to `/api/messages`; in the
 * cloud, Direct Line with a token the server exchanged for the secret.
 */
async function startWebChat(transport: Transport, language: string) {
  const module = await import('./web-chat');
  if (transport === 'directLine') {
    const { token } = await api<DirectLineToken>('/api/chat/token', { method: 'POST' });
    const directLine = module.cloudDirectLine(token);
    // The token carries the user id; Web Chat takes it from there.
    return { module, directLine, end: () => directLine.end(), userID: '' };
  }
  const session = module.tabSession(sessionStorageOrUndefined(), () => crypto.randomUUID());
  const directLine = new module.LocalDirectLine({ session, locale: language });
  return { module, directLine, end: () => directLine.end(), userID: session.userId };
}

function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // blocked storage: the conversation then lasts as long as the page
  }
}

type Appearance = Pick<WebChatProps, 'locale' | 'dir' | 'strings' | 'timestamp'>;

/**
 * Web Chat in its frame. Mounting starts a conversation (a retry remounts this component); a language
 * switch only re-renders Web Chat with the new locale and texts, so the transcript stays.
 */
function WebChatFrame(props: { transport: Transport; onState: (state: ChatState) => void }) {
  const { t, language, dir } = useI18n();
  const { transport, onState } = props;
  const frame = useRef<HTMLDivElement>(null);
  const mounted = useRef<{ chat: MountedWebChat; directLine: unknown; userID: string } | undefined>(
    undefined,
  );
  const appearance = useMemo<Appearance>(
    () => ({
      locale: language,
      dir,
      strings: webChatStrings(t),
      timestamp: (iso: string) => chatTimestamp(iso, language, t('chat.webChat.sentAt')),
    }),
    [language, dir, t],
  );
  const latestAppearance = useRef(appearance);
  latestAppearance.current = appearance;

  useEffect(() => {
    let cancelled = false;
    let end: () => void = () => undefined;
    onState({ state: 'loading' });
    startWebChat(transport, latestAppearance.current.locale).then(
      (started) => {
        end = started.end;
        if (cancelled || !frame.current) return end();
        const { directLine, userID } = started;
        const chat = started.module.mountWebChat(frame.current, {
          directLine,
          userID,
          ...latestAppearance.current,
        });
        mounted.current = { chat, directLine, userID };
        onState({ state: 'ready' });
      },
      () => {
        if (!cancelled) onState({ state: 'failed' });
      },
    );
    return () => {
      cancelled = true;
      mounted.current?.chat.unmount();
      mounted.current = undefined;
      end();
    };
  }, [transport, onState]);

  useEffect(() => {
    const current = mounted.current;
    if (current)
      current.chat.update({ directLine: current.directLine, userID: current.userID, ...appearance });
  }, [appearance]);

  return <div ref={frame} class="chat__frame" data-chat-transport={transport} />;
}

/** Below this width the introduction folds away, so the conversation starts right below the heading. */
const foldedBelow = '(max-width: 39.99rem)';

/**
 * What the chat can do, the privacy note with its link, and the keyboard hint, in one disclosure before
 * the chat (the reading order stays the visual order). It starts open on wide screens and folded on
 * phones; either way the privacy link is one activation away and comes before the chat's input.
 */
function ChatAbout(props: { children: ComponentChildren }) {
  const { t } = useI18n();
  const [open] = useState(() => !window.matchMedia?.(foldedBelow).matches);
  return (
    <details class="chat__about" open={open}>
      <summary class="chat__about-summary">{t('phone.chatAbout')}</summary>
      {props.children}
    </details>
  );
}

/** The chat page: what the chat can do, the privacy note, and Web Chat in the site's language. */
export function ChatPage() {
  const { t, language, dir } = useI18n();
  const { site, retry: retrySite } = useSite();
  const [chat, setChat] = useState<ChatState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const transport = site.state === 'ready' ? site.data.chatTransport : undefined;
  const contact = site.state === 'ready' ? site.data.county.integrationContact : '';
  const failed = chat.state === 'failed' || site.state === 'failed';

  return (
    <Page title={t('chat.title')} documentTitle={t('chat.documentTitle')} wide>
      <ChatAbout>
        <p class="lead">{t('chat.intro')}</p>
        <p class="chat__note">
          {t('chat.privacy')} <a href="/privacy">{t('chat.privacyLink')}</a>
        </p>
        <p class="chat__note">{t('chat.keyboardHint')}</p>
      </ChatAbout>
      {failed ? (
        <div class="notice notice--error" role="alert">
          <p>{t('chat.unavailable', { contact })}</p>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => (site.state === 'failed' ? retrySite() : setAttempt((count) => count + 1))}
          >
            {t('app.retry')}
          </button>
        </div>
      ) : chat.state === 'loading' ? (
        <p class="notice" role="status" data-loading>
          {t('app.loading')}
        </p>
      ) : null}
      <section
        class="chat"
        aria-label={t('chat.regionLabel')}
        lang={language}
        dir={dir}
        hidden={chat.state !== 'ready'}
      >
        {transport ? <WebChatFrame key={attempt} transport={transport} onState={setChat} /> : null}
      </section>
    </Page>
  );
}
