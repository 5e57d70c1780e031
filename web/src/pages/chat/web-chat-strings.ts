import type { MessageKey } from '../../../../functions/shared/i18n/messages';

/**
 * Web Chat's own interface texts that a visitor sees or hears, taken from our content files instead of
 * Web Chat's bundled translations: Web Chat has no Farsi, and this way every language speaks in the
 * site's words (German with "Sie"). Texts not listed keep Web Chat's translation (English for Farsi).
 */
export const webChatStringKeys: Readonly<Record<string, MessageKey>> = {
  TEXT_INPUT_PLACEHOLDER: 'chat.webChat.placeholder',
  TEXT_INPUT_ALT: 'chat.webChat.inputLabel',
  TEXT_INPUT_SEND_BUTTON_ALT: 'chat.webChat.send',
  ACTIVITY_BOT_SAID_ALT: 'chat.webChat.botSaid',
  ACTIVITY_YOU_SAID_ALT: 'chat.webChat.youSaid',
  ACTIVITY_BOT_ATTACHED_ALT: 'chat.webChat.botAttached',
  TRANSCRIPT_ARIA_LABEL_ALT: 'chat.webChat.transcriptLabel',
  TRANSCRIPT_ARIA_ROLE_ALT: 'chat.webChat.transcriptRole',
  SUGGESTED_ACTIONS_LABEL_ALT: 'chat.webChat.suggestedActions',
  ACTIVITY_STATUS_SEND_STATUS_ALT_SENDING: 'chat.webChat.sending',
  ACTIVITY_STATUS_SEND_STATUS_ALT_SENT_AT: 'chat.webChat.sentAt',
  ACTIVITY_STATUS_SEND_FAILED_RETRY: 'chat.webChat.sendFailed',
  ACTIVITY_STATUS_TIMESTAMP_JUST_NOW: 'chat.webChat.justNow',
  ACTIVITY_STATUS_TIMESTAMP_ONE_MINUTE_AGO: 'chat.webChat.oneMinuteAgo',
  ACTIVITY_STATUS_TIMESTAMP_ONE_HOUR_AGO: 'chat.webChat.oneHourAgo',
  ACTIVITY_STATUS_TIMESTAMP_TODAY: 'chat.webChat.today',
  ACTIVITY_STATUS_TIMESTAMP_YESTERDAY: 'chat.webChat.yesterday',
  CONNECTIVITY_STATUS_ALT_CONNECTING: 'chat.webChat.connecting',
  CONNECTIVITY_STATUS_ALT_CONNECTED: 'chat.webChat.connected',
  CONNECTIVITY_STATUS_ALT_FATAL: 'chat.webChat.unableToConnect',
  SUGGESTED_ACTIONS_FLIPPER_NEXT_ALT: 'chat.webChat.next',
  SUGGESTED_ACTIONS_FLIPPER_PREVIOUS_ALT: 'chat.webChat.previous',
  CAROUSEL_FLIPPER_NEXT_ALT: 'chat.webChat.next',
  CAROUSEL_FLIPPER_PREVIOUS_ALT: 'chat.webChat.previous',
};

/**
 * A message's time in the site's language: the date with its year and the time for screen readers, the
 * time alone (or the day and time, for earlier days) on screen. Gregorian, Latin digits, the visitor's
 * own clock.
 */
export function chatTimestamp(
  iso: string,
  language: string,
  sentAt: string,
  now: Date = new Date(),
): { label: string; visible: string } {
  const date = new Date(iso);
  const locale = `${language}-u-ca-gregory-nu-latn`;
  const label = sentAt.replace(
    '$1',
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date),
  );
  const sameDay = date.toDateString() === now.toDateString();
  const visible = new Intl.DateTimeFormat(
    locale,
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(date);
  return { label, visible };
}

export function webChatStrings(t: (key: MessageKey) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(webChatStringKeys).map(([name, key]) => [name, t(key)]));
}
