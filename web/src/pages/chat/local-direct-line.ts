/**
 * A Direct Line-compatible transport for the local stage, where there is no Direct Line service: it
 * gives Web Chat the object it expects from `createDirectLine()` (`activity$`, `connectionStatus$`,
 * `postActivity`, `end`) and speaks to the bot endpoint `/api/messages` itself, the way the Bot
 * Framework Emulator does, with `deliveryMode: 'expectReplies'`: every POST carries one activity and
 * its answer carries the bot's replies. Pure TypeScript without React or the SDK, so it is unit-tested
 * with a fake fetch.
 */

/** Web Chat's connection states (botframework-directlinejs `ConnectionStatus`). */
export const ConnectionStatus = {
  Uninitialized: 0,
  Connecting: 1,
  Online: 2,
  ExpiredToken: 3,
  FailedToConnect: 4,
  Ended: 5,
} as const;
export type ConnectionStatus = (typeof ConnectionStatus)[keyof typeof ConnectionStatus];

export interface Observer<T> {
  next?: (value: T) => void;
  error?: (error: unknown) => void;
  complete?: () => void;
}

export interface Subscription {
  unsubscribe(): void;
}

export interface Subscribable<T> {
  subscribe(observer: Observer<T> | ((value: T) => void)): Subscription;
}

/** The fields of an Activity this transport reads or sets; the rest passes through. */
export interface ChatActivity {
  type: string;
  id?: string;
  timestamp?: string;
  channelId?: string;
  conversation?: { id: string };
  from?: { id: string; name?: string; role?: string };
  recipient?: { id: string; name?: string; role?: string };
  locale?: string;
  text?: string;
  value?: unknown;
  channelData?: Record<string, unknown>;
  deliveryMode?: string;
  serviceUrl?: string;
  [field: string]: unknown;
}

/** A hot stream with several subscribers (Web Chat subscribes to `activity$` more than once). */
class Subject<T> implements Subscribable<T> {
  protected readonly observers = new Set<Observer<T>>();
  private closed = false;

  subscribe(observer: Observer<T> | ((value: T) => void)): Subscription {
    const target = typeof observer === 'function' ? { next: observer } : observer;
    if (this.closed) {
      target.complete?.();
      return { unsubscribe: () => undefined };
    }
    this.observers.add(target);
    this.onSubscribe(target);
    return { unsubscribe: () => this.observers.delete(target) };
  }

  next(value: T): void {
    if (this.closed) return;
    for (const observer of [...this.observers]) observer.next?.(value);
  }

  complete(): void {
    if (this.closed) return;
    this.closed = true;
    for (const observer of [...this.observers]) observer.complete?.();
    this.observers.clear();
  }

  protected onSubscribe(_observer: Observer<T>): void {}
}

/** Like rxjs' BehaviorSubject: a new subscriber gets the current state at once. */
class StateSubject<T> extends Subject<T> {
  constructor(private current: T) {
    super();
  }

  get value(): T {
    return this.current;
  }

  override next(value: T): void {
    this.current = value;
    super.next(value);
  }

  protected override onSubscribe(observer: Observer<T>): void {
    observer.next?.(this.current);
  }
}

/** An observable that emits one value and completes, or fails: what `postActivity` returns. */
function single<T>(work: () => Promise<T>): Subscribable<T> {
  return {
    subscribe(observer) {
      const target = typeof observer === 'function' ? { next: observer } : observer;
      let active = true;
      work().then(
        (value) => {
          if (!active) return;
          target.next?.(value);
          target.complete?.();
        },
        (error: unknown) => {
          if (active) target.error?.(error);
        },
      );
      return { unsubscribe: () => (active = false) };
    },
  };
}

/** Who talks in this browser tab: random ids, no personal data, kept for the tab's session only. */
export interface ChatSession {
  conversationId: string;
  userId: string;
}

export interface SessionStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const chatSessionKey = 'wegweiser.chat.session';

/**
 * The conversation of this tab: the same after a reload (sessionStorage), a new one in a new tab, so
 * the bot's conversation state (language, survey progress) carries over a reload but not across tabs.
 */
export function tabSession(storage: SessionStore | undefined, newId: () => string): ChatSession {
  try {
    const stored = storage?.getItem(chatSessionKey);
    if (stored) {
      const parsed = JSON.parse(stored) as Partial<ChatSession>;
      if (typeof parsed.conversationId === 'string' && typeof parsed.userId === 'string') {
        return { conversationId: parsed.conversationId, userId: parsed.userId };
      }
    }
  } catch {
    // Storage blocked or its content damaged: a fresh conversation is the right fallback.
  }
  const session = { conversationId: `webchat-${newId()}`, userId: `user-${newId()}` };
  try {
    storage?.setItem(chatSessionKey, JSON.stringify(session));
  } catch {
    // Without storage the conversation lasts as long as the page.
  }
  return session;
}

export interface LocalDirectLineOptions {
  session: ChatSession;
  /** The page's language, sent as the activity's `locale` so the bot answers in it. */
  locale: string;
  /** The bot endpoint; `/api/messages` on the page's own origin. */
  endpoint?: string;
  fetch?: typeof fetch;
  newId?: () => string;
  now?: () => Date;
  /** Greets like a channel does when a conversation starts (a `conversationUpdate`). */
  greet?: boolean;
}

const botAccount = { id: 'wegweiser-bot', name: 'Wegweiser', role: 'bot' };

export class BotEndpointError extends Error {
  override name = 'BotEndpointError';
  constructor(readonly status: number) {
    super(`the bot endpoint answered ${status}`);
  }
}

/** The Direct Line-compatible object Web Chat is given as `directLine` in the local stage. */
export class LocalDirectLine {
  readonly activity$: Subscribable<ChatActivity>;
  readonly connectionStatus$: Subscribable<ConnectionStatus>;
  private readonly activities = new Subject<ChatActivity>();
  private readonly status = new StateSubject<ConnectionStatus>(ConnectionStatus.Uninitialized);
  private readonly endpoint: string;
  private readonly fetch: typeof fetch;
  private readonly newId: () => string;
  private readonly now: () => Date;
  private lastTimestamp = 0;

  constructor(private readonly options: LocalDirectLineOptions) {
    this.endpoint = options.endpoint ?? '/api/messages';
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.now = options.now ?? (() => new Date());
    const activities = this.activities;
    // Like DirectLineJS, the connection starts with the first subscriber of `activity$`.
    this.activity$ = {
      subscribe: (observer) => {
        const subscription = activities.subscribe(observer);
        if (this.status.value === ConnectionStatus.Uninitialized) this.connect();
        return subscription;
      },
    };
    this.connectionStatus$ = this.status;
  }

  private connect(): void {
    this.status.next(ConnectionStatus.Connecting);
    // Asynchronously, as a real connection would: Web Chat listens for "online" after subscribing.
    queueMicrotask(() => {
      if (this.status.value !== ConnectionStatus.Connecting) return;
      this.status.next(ConnectionStatus.Online);
      if (this.options.greet !== false) {
        this.send({
          type: 'conversationUpdate',
          membersAdded: [{ id: this.options.session.userId }],
        }).catch(() => undefined);
      }
    });
  }

  /** Posts one activity; the returned observable emits its id once the bot has answered. */
  postActivity(activity: ChatActivity): Subscribable<string> {
    return single(async () => {
      const sent = await this.send(activity);
      return sent.id ?? '';
    });
  }

  end(): void {
    this.status.next(ConnectionStatus.Ended);
    this.activities.complete();
    this.status.complete();
  }

  /** Timestamps that always increase, so Web Chat keeps the question before its answers. */
  private timestamp(): string {
    this.lastTimestamp = Math.max(this.now().getTime(), this.lastTimestamp + 1);
    return new Date(this.lastTimestamp).toISOString();
  }

  private async send(activity: ChatActivity): Promise<ChatActivity> {
    if (this.status.value === ConnectionStatus.Ended) throw new Error('the conversation has ended');
    const { session, locale } = this.options;
    const outgoing: ChatActivity = {
      ...activity,
      id: `${session.conversationId}|${this.newId()}`,
      timestamp: this.timestamp(),
      channelId: 'webchat',
      serviceUrl: new URL(this.endpoint, globalThis.location?.origin ?? 'http://localhost').href,
      conversation: { id: session.conversationId },
      from: { ...activity.from, id: session.userId, role: 'user' },
      recipient: botAccount,
      locale: activity.locale ?? locale,
      deliveryMode: 'expectReplies',
    };
    const response = await this.fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(outgoing),
    });
    if (!response.ok) throw new BotEndpointError(response.status);
    const text = await response.text();
    const replies = text ? ((JSON.parse(text) as { activities?: ChatActivity[] }).activities ?? []) : [];
    // The question appears once the bot has it (Web Chat waits for this echo), then the answers.
    if (outgoing.type === 'message') this.activities.next(outgoing);
    replies.forEach((reply, index) => {
      this.activities.next({
        ...reply,
        id: reply.id || `${outgoing.id}/${index + 1}`,
        timestamp: this.timestamp(),
        from: { ...botAccount, ...reply.from, role: 'bot' },
      });
    });
    return outgoing;
  }
}
