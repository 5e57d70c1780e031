import ReactWebChat, { createDirectLine } from 'botframework-webchat';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

export { LocalDirectLine, tabSession } from './local-direct-line';

/**
 * The one module that touches React: the official Web Chat component is a React component, while the
 * site is Preact. The chat page imports this module dynamically, so React and Web Chat form their own
 * chunk, loaded only on `/chat`; every other page's bundle stays as it was.
 */

export interface WebChatProps {
  /** Our local transport, or `createDirectLine({ token })` in the cloud. */
  directLine: unknown;
  /** The site's language code: Web Chat's own texts and the `locale` of every activity sent. */
  locale: string;
  dir: 'ltr' | 'rtl';
  /** Random per tab; Web Chat marks the user's own messages by it. */
  userID: string;
  /** Web Chat's texts in our words and in every site language (Web Chat itself has no Farsi). */
  strings: Record<string, string>;
  /**
   * A message's time as the site writes it: `label` for screen readers ("Gesendet am 7. Dezember 2026
   * um 21:00"), `visible` short. Web Chat's own formatter writes "9:00 PM" on the German page and English
   * on the Farsi one.
   */
  timestamp(iso: string): { label: string; visible: string };
}

/**
 * Colours chosen for WCAG 2.1 AA contrast (4.5:1 for text, 3:1 for controls and focus) on white, in the
 * site's palette; no upload button (the bot takes no files); suggested actions wrap instead of
 * scrolling sideways, so all of them stay reachable at 320 px and by keyboard.
 */
const styleOptions = {
  accent: '#0b4f6c',
  subtle: '#4d5761',
  primaryFont: 'inherit',
  bubbleBackground: '#f2f2f2',
  bubbleTextColor: '#1b1f23',
  bubbleBorderRadius: 6,
  bubbleFromUserBackground: '#0b4f6c',
  bubbleFromUserTextColor: '#ffffff',
  bubbleFromUserBorderRadius: 6,
  bubbleMaxWidth: 600,
  bubbleMinWidth: 120,
  hideUploadButton: true,
  hideTelephoneKeypadButton: true,
  sendBoxTextColor: '#1b1f23',
  sendBoxPlaceholderColor: '#4d5761',
  sendBoxButtonColor: '#0b4f6c',
  sendBoxBorderTop: 'solid 1px #767676',
  suggestedActionLayout: 'flow' as const,
  suggestedActionBackgroundColor: '#ffffff',
  suggestedActionBorderColor: '#0b4f6c',
  suggestedActionTextColor: '#0b4f6c',
  suggestedActionBorderRadius: 6,
  notificationText: '#1b1f23',
  timestampColor: '#4d5761',
};

type WebChatComponentProps = Parameters<typeof ReactWebChat>[0];
type ActivityMiddleware = Extract<NonNullable<WebChatComponentProps['activityMiddleware']>, () => unknown>;

/**
 * Marks each bot message with its own language (WCAG 2.1, 3.1.2 language of parts): an answer the bot
 * gives in German on the Arabic page (an entry not yet translated) is read out as German.
 */
const activityMiddleware: ActivityMiddleware = () => (next) => (options) => {
  const render = next(options);
  // Every Activity may carry `locale`; Web Chat's own activity type does not list it.
  const { from } = options.activity;
  const { locale } = options.activity as { locale?: string };
  if (!render || !locale || from?.role !== 'bot') return render;
  return (...args) => createElement('div', { lang: locale }, render(...args));
};

type ActivityStatusMiddleware = Extract<
  NonNullable<WebChatComponentProps['activityStatusMiddleware']>,
  () => unknown
>;

/** Sent messages show their time in the site's words; sending and failed states stay Web Chat's own. */
function activityStatusMiddleware(timestamp: WebChatProps['timestamp']): ActivityStatusMiddleware {
  return () => (next) => (options) => {
    const { activity, hideTimestamp, sendState } = options;
    if (sendState !== 'sent' || hideTimestamp || !activity.timestamp) return next(options);
    const { label, visible } = timestamp(activity.timestamp);
    return createElement(
      'span',
      { className: 'chat__status' },
      createElement('span', { className: 'visually-hidden' }, label),
      createElement('span', { 'aria-hidden': true }, visible),
    );
  };
}

export interface MountedWebChat {
  update(props: WebChatProps): void;
  unmount(): void;
}

function render(props: WebChatProps) {
  return createElement(ReactWebChat, {
    directLine: props.directLine,
    locale: props.locale,
    dir: props.dir,
    userID: props.userID,
    overrideLocalizedStrings: props.strings,
    styleOptions,
    activityMiddleware,
    activityStatusMiddleware: activityStatusMiddleware(props.timestamp),
    // Not Web Chat's default "complementary" landmark: the chat is the page's main content, inside the
    // named <section> of chat-page.tsx.
    role: 'region',
    sendTypingIndicator: false,
  } as WebChatComponentProps);
}

/** Renders Web Chat into `element`; `update` keeps the transcript (a language switch re-renders only). */
export function mountWebChat(element: HTMLElement, props: WebChatProps): MountedWebChat {
  const root = createRoot(element);
  root.render(render(props));
  return {
    update: (next) => root.render(render(next)),
    unmount: () => root.unmount(),
  };
}

/** Direct Line (cloud) from a token the server exchanged; the secret never reaches the browser. */
export function cloudDirectLine(token: string): { end(): void } {
  return createDirectLine({ token });
}
