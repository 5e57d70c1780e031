import { randomUUID } from 'node:crypto';

/** What the bot sends back, as far as tests read it. */
export interface BotActivity {
  type: string;
  text?: string;
  locale?: string;
  suggestedActions?: { actions: { title: string; value: Record<string, string> }[] };
  attachments?: BotAttachment[];
}

/** An offering card: an Adaptive Card of plain text runs (`functions/chatbot/adapter/offering-card.ts`). */
export interface BotAttachment {
  contentType: string;
  content: {
    body?: { type: string; inlines?: { type: string; text: string }[] }[];
    actions?: { type: string; title: string; url?: string }[];
  };
}

/** The texts of a card, in order; the first is the offering's title. */
export function cardTexts(attachment: BotAttachment): string[] {
  return (attachment.content.body ?? []).flatMap((block) => (block.inlines ?? []).map((run) => run.text));
}

export function cardTitle(attachment: BotAttachment): string | undefined {
  return cardTexts(attachment)[0];
}

/** What a resident types or presses; everything but the conversation has a default. */
export interface ResidentMessage {
  text?: string;
  /** A pressed suggested-action button's value. */
  value?: Record<string, string>;
  locale?: string;
  /** The sender's channel id; one resident per conversation unless a test says otherwise. */
  from?: string;
}

/**
 * A message activity as a Bot Framework channel posts it, asking for `expectReplies` so the replies
 * come back in the response (no connector to call back). The serviceUrl is a closed port on purpose.
 */
export function messageActivity(
  conversation: string,
  message: ResidentMessage = {},
): Record<string, unknown> {
  return {
    type: 'message',
    id: `${conversation}-${randomUUID()}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: conversation },
    from: { id: message.from ?? `resident-${conversation}` },
    recipient: { id: 'wegweiser-bot' },
    ...(message.locale ? { locale: message.locale } : {}),
    text: message.text ?? '',
    ...(message.value ? { value: message.value } : {}),
    deliveryMode: 'expectReplies',
  };
}

/** Posts any activity to the server's /api/messages; the status and the replies, whatever the status. */
export async function postActivity(
  baseUrl: string,
  activity: Record<string, unknown>,
): Promise<{ status: number; activities: BotActivity[] }> {
  const response = await fetch(new URL('/api/messages', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return {
    status: response.status,
    activities: text ? ((JSON.parse(text) as { activities?: BotActivity[] }).activities ?? []) : [],
  };
}

/** Says something in a conversation and returns the bot's replies; any status but 200 fails. */
export async function say(
  baseUrl: string,
  conversation: string,
  message: ResidentMessage,
): Promise<BotActivity[]> {
  const { status, activities } = await postActivity(baseUrl, messageActivity(conversation, message));
  if (status !== 200) throw new Error(`/api/messages answered ${status} in ${conversation}`);
  return activities;
}
