import { describe, expect, it } from 'vitest';
import {
  type ChatActivity,
  ConnectionStatus,
  chatSessionKey,
  LocalDirectLine,
  type SessionStore,
  type Subscribable,
  tabSession,
} from './local-direct-line';

interface Posted {
  url: string;
  body: ChatActivity;
}

/** Stands in for the bot endpoint: records each POST and answers with the given replies. */
function fakeBot(answer: (activity: ChatActivity) => { status?: number; replies?: ChatActivity[] }) {
  const posted: Posted[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as ChatActivity;
    posted.push({ url: String(input), body });
    const { status = 200, replies = [] } = answer(body);
    return new Response(status === 200 ? JSON.stringify({ activities: replies }) : '{}', { status });
  }) as typeof globalThis.fetch;
  return { posted, fetch };
}

const session = { conversationId: 'webchat-c1', userId: 'user-u1' };

function transport(fetch: typeof globalThis.fetch, greet = false) {
  let counter = 0;
  return new LocalDirectLine({
    session,
    locale: 'ar',
    fetch,
    greet,
    newId: () => `id${++counter}`,
    now: () => new Date('2026-11-25T09:00:00.000Z'),
  });
}

function collect<T>(observable: Subscribable<T>): T[] {
  const values: T[] = [];
  observable.subscribe({ next: (value) => values.push(value) });
  return values;
}

function firstValue<T>(observable: Subscribable<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    observable.subscribe({ next: resolve, error: reject });
  });
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the local Direct Line transport', () => {
  it('goes online once Web Chat subscribes to activities, and greets like a channel', async () => {
    const bot = fakeBot(() => ({ replies: [{ type: 'message', text: 'مرحبا' }] }));
    const directLine = transport(bot.fetch, true);
    const statuses = collect(directLine.connectionStatus$);
    const activities = collect(directLine.activity$);
    await flush();
    expect(statuses).toEqual([
      ConnectionStatus.Uninitialized,
      ConnectionStatus.Connecting,
      ConnectionStatus.Online,
    ]);
    expect(bot.posted[0]?.body).toMatchObject({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user-u1' }],
      conversation: { id: 'webchat-c1' },
      deliveryMode: 'expectReplies',
    });
    expect(activities.map((activity) => activity.text)).toEqual(['مرحبا']);
  });

  it('posts each activity with expectReplies, the tab conversation, a random user and the page language', async () => {
    const bot = fakeBot(() => ({}));
    const directLine = transport(bot.fetch);
    collect(directLine.activity$);
    const id = await firstValue(
      directLine.postActivity({
        type: 'message',
        text: 'أين دورة اللغة الألمانية؟',
        from: { id: 'r_webchat', name: 'Someone', role: 'user' },
        channelData: { clientActivityID: 'client-1' },
      }),
    );
    const [post] = bot.posted;
    expect(post?.url).toBe('/api/messages');
    expect(post?.body).toMatchObject({
      type: 'message',
      text: 'أين دورة اللغة الألمانية؟',
      channelId: 'webchat',
      conversation: { id: 'webchat-c1' },
      from: { id: 'user-u1', role: 'user' },
      recipient: { id: 'wegweiser-bot' },
      locale: 'ar',
      deliveryMode: 'expectReplies',
      channelData: { clientActivityID: 'client-1' },
    });
    expect(id).toBe('webchat-c1|id1');
    expect(post?.body.id).toBe(id);
  });

  it('emits the question (for Web Chat to confirm it was sent) and then each reply, in order', async () => {
    const bot = fakeBot(() => ({
      replies: [
        { type: 'message', text: 'Antwort 1', locale: 'de' },
        { type: 'message', text: 'Antwort 2', locale: 'de', id: 'bot-given' },
      ],
    }));
    const directLine = transport(bot.fetch);
    const activities = collect(directLine.activity$);
    await firstValue(
      directLine.postActivity({
        type: 'message',
        text: 'Deutschkurs?',
        channelData: { clientActivityID: 'c-9' },
      }),
    );
    expect(activities.map((activity) => [activity.text, activity.id, activity.from?.role])).toEqual([
      ['Deutschkurs?', 'webchat-c1|id1', 'user'],
      ['Antwort 1', 'webchat-c1|id1/1', 'bot'],
      ['Antwort 2', 'bot-given', 'bot'],
    ]);
    expect(activities[0]?.channelData).toEqual({ clientActivityID: 'c-9' });
    const times = activities.map((activity) => Date.parse(activity.timestamp ?? ''));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(3);
  });

  it('fails the post when the endpoint refuses, and shows nothing as sent', async () => {
    const bot = fakeBot(() => ({ status: 502 }));
    const directLine = transport(bot.fetch);
    const activities = collect(directLine.activity$);
    await expect(firstValue(directLine.postActivity({ type: 'message', text: 'Hallo' }))).rejects.toThrow(
      /502/,
    );
    expect(activities).toEqual([]);
  });

  it('ends: status "ended", activity stream completed, no more posts', async () => {
    const bot = fakeBot(() => ({}));
    const directLine = transport(bot.fetch);
    const statuses = collect(directLine.connectionStatus$);
    let completed = false;
    directLine.activity$.subscribe({ complete: () => (completed = true) });
    directLine.end();
    expect(statuses.at(-1)).toBe(ConnectionStatus.Ended);
    expect(completed).toBe(true);
    await expect(firstValue(directLine.postActivity({ type: 'message', text: 'x' }))).rejects.toThrow();
    expect(bot.posted).toEqual([]);
  });
});

describe('the tab session', () => {
  function memoryStorage(): SessionStore & { items: Map<string, string> } {
    const items = new Map<string, string>();
    return {
      items,
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => items.set(key, value),
    };
  }

  it('keeps one conversation per tab across reloads', () => {
    const storage = memoryStorage();
    let counter = 0;
    const first = tabSession(storage, () => `n${++counter}`);
    const again = tabSession(storage, () => `n${++counter}`);
    expect(first).toEqual({ conversationId: 'webchat-n1', userId: 'user-n2' });
    expect(again).toEqual(first);
  });

  it('starts afresh when the stored session is damaged or storage is blocked', () => {
    const storage = memoryStorage();
    storage.items.set(chatSessionKey, '{not json');
    expect(tabSession(storage, () => 'x').conversationId).toBe('webchat-x');
    const blocked: SessionStore = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(tabSession(blocked, () => 'y')).toEqual({ conversationId: 'webchat-y', userId: 'user-y' });
  });
});
