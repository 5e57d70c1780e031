import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../local/stack';
import { startTestStack } from '../../../local/testing/local-stack';
import { freshStore } from '../../../local/testing/test-store';
import { DynamoDbStorage, StorageConflict } from './dynamodb-storage';

interface BotActivity {
  type: string;
  text?: string;
  locale?: string;
  suggestedActions?: { actions: { title: string; value: Record<string, string> }[] };
  attachments?: { contentType: string; content: { title: string; text: string } }[];
}

/** A small fake channel connector: records what the bot POSTs back to the activity's serviceUrl. */
async function fakeConnector() {
  const received: { path: string; activity: BotActivity }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ path: request.url ?? '', activity: JSON.parse(body) as BotActivity });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, received, close: () => new Promise<void>((closed) => server.close(() => closed())) };
}

describe('the Bot Framework endpoint /api/messages', () => {
  let stack: LocalStack;
  let sequence = 0;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  function activity(conversation: string, text: string, extra: Record<string, unknown> = {}) {
    sequence += 1;
    return {
      type: 'message',
      id: `activity-${sequence}`,
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: conversation },
      from: { id: 'resident-1' },
      recipient: { id: 'wegweiser-bot' },
      text,
      deliveryMode: 'expectReplies',
      ...extra,
    };
  }

  async function send(body: Record<string, unknown>) {
    const response = await fetch(`${stack.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      activities: text ? ((JSON.parse(text) as { activities?: BotActivity[] }).activities ?? []) : [],
    };
  }

  it('answers expectReplies in the response body, greeting with the privacy notice first', async () => {
    const { status, activities } = await send(activity('conv-greeting', 'Hallo'));
    expect(status).toBe(200);
    expect(activities[0]?.text).toContain('Wegweiser');
    expect(activities[1]?.text).toMatch(/Datenschutz/);
  });

  it('finds an offering from a Ukrainian question, answering in Ukrainian', async () => {
    await send(activity('conv-uk', 'Привіт'));
    const { activities } = await send(activity('conv-uk', 'курси німецької в Оксенфурті'));
    const found = activities.find((reply) => reply.attachments?.length);
    expect(found?.locale).toBe('uk');
    expect(found?.attachments?.[0]?.content.title).toBe('Deutschkurs am Vormittag mit Kinderbetreuung');
  });

  it('answers a Turkish question from the German-sourced knowledge base in Turkish, linking its section', async () => {
    await send(activity('conv-knowledge', 'Türkçe'));
    const { activities } = await send(activity('conv-knowledge', 'Steuerungskreis kimlerden oluşuyor?'));
    const answer = activities[activities.length - 1];
    expect(answer?.locale).toBe('tr');
    expect(answer?.text).toContain('Hasan');
    expect(answer?.text).toContain('/concept#steuerungskreis');
  });

  it('does not guess: an out-of-scope question gets the closest topics and a person as buttons', async () => {
    await send(activity('conv-unknown', 'Hallo'));
    const { activities } = await send(activity('conv-unknown', 'Wie wird das Wetter morgen?'));
    const reply = activities[activities.length - 1];
    expect(reply?.text).toContain('nicht verstanden');
    expect(reply?.suggestedActions?.actions.map((action) => action.value.action)).toEqual([
      'topic',
      'topic',
      'topic',
      'contact',
    ]);
  });

  it('switches language when asked in words and remembers it', async () => {
    await send(activity('conv-switch', 'Guten Tag'));
    const switched = await send(activity('conv-switch', 'Türkçe'));
    expect(switched.activities[0]?.locale).toBe('tr');
    const later = await send(activity('conv-switch', 'menu'));
    expect(later.activities.every((reply) => reply.locale === 'tr')).toBe(true);
  });

  it('answers a re-sent activity only once', async () => {
    const first = activity('conv-dedup', 'Hallo');
    const answered = await send(first);
    const resent = await send(first);
    expect(answered.activities.length).toBeGreaterThan(0);
    expect(resent.activities).toEqual([]);
  });

  it('posts replies to the serviceUrl in normal delivery mode', async () => {
    const connector = await fakeConnector();
    try {
      const { status } = await send({
        ...activity('conv-normal', 'Hallo'),
        serviceUrl: connector.url,
        deliveryMode: undefined,
      });
      expect(status).toBe(200);
      expect(connector.received.length).toBeGreaterThanOrEqual(2);
      expect(connector.received[0]?.path).toMatch(/^\/v3\/conversations\/conv-normal\/activities\//);
      expect(connector.received[0]?.activity.text).toContain('Wegweiser');
    } finally {
      await connector.close();
    }
  });

  it('refuses a malformed activity with a 400 naming the field', async () => {
    const response = await fetch(`${stack.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hi' }),
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field)).toContain('body.conversation');
  });
});

describe('DynamoDbStorage', () => {
  it('refuses a write with a stale eTag and keeps the newer state', async () => {
    const storage = new DynamoDbStorage(await freshStore());
    await storage.write({ conversation: { step: 1 } });
    const first = await storage.read(['conversation']);
    const second = await storage.read(['conversation']);
    await storage.write({ conversation: { ...first.conversation, step: 2 } });
    await expect(storage.write({ conversation: { ...second.conversation, step: 3 } })).rejects.toBeInstanceOf(
      StorageConflict,
    );
    expect((await storage.read(['conversation'])).conversation).toMatchObject({ step: 2 });
  });
});
