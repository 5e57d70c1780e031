import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../local/stack';
import {
  type BotActivity,
  cardTitle,
  messageActivity,
  postActivity,
  say,
} from '../../../local/testing/bot-client';
import { startTestStack } from '../../../local/testing/local-stack';
import { freshStore } from '../../../local/testing/test-store';
import { DynamoDbStorage, StorageConflict } from './dynamodb-storage';

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

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers expectReplies in the response body, greeting with the privacy notice first', async () => {
    const { status, activities } = await postActivity(
      stack.url,
      messageActivity('conv-greeting', { text: 'Hallo' }),
    );
    expect(status).toBe(200);
    expect(activities[0]?.text).toContain('Wegweiser');
    expect(activities[1]?.text).toMatch(/Datenschutz/);
  });

  it('finds an offering from a Ukrainian question, answering in Ukrainian', async () => {
    await say(stack.url, 'conv-uk', { text: 'Привіт' });
    const activities = await say(stack.url, 'conv-uk', { text: 'курси німецької в Оксенфурті' });
    const found = activities.find((reply) => reply.attachments?.length);
    expect(found?.locale).toBe('uk');
    expect(found?.attachments?.[0] && cardTitle(found.attachments[0])).toBe(
      'Deutschkurs am Vormittag mit Kinderbetreuung',
    );
  });

  it('answers a Turkish question from the German-sourced knowledge base in Turkish, linking its section', async () => {
    await say(stack.url, 'conv-knowledge', { text: 'Türkçe' });
    const activities = await say(stack.url, 'conv-knowledge', {
      text: 'Steuerungskreis kimlerden oluşuyor?',
    });
    const answer = activities[activities.length - 1];
    expect(answer?.locale).toBe('tr');
    expect(answer?.text).toContain('Hasan');
    expect(answer?.text).toContain('/concept#steuerungskreis');
  });

  it('does not guess: an out-of-scope question gets the closest topics and a person as buttons', async () => {
    await say(stack.url, 'conv-unknown', { text: 'Hallo' });
    const activities = await say(stack.url, 'conv-unknown', { text: 'Wie wird das Wetter morgen?' });
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
    await say(stack.url, 'conv-switch', { text: 'Guten Tag' });
    const switched = await postActivity(stack.url, messageActivity('conv-switch', { text: 'Türkçe' }));
    expect(switched.activities[0]?.locale).toBe('tr');
    const later = await postActivity(stack.url, messageActivity('conv-switch', { text: 'menu' }));
    expect(later.activities.every((reply) => reply.locale === 'tr')).toBe(true);
  });

  it('answers a re-sent activity only once', async () => {
    const first = messageActivity('conv-dedup', { text: 'Hallo' });
    const answered = await postActivity(stack.url, first);
    const resent = await postActivity(stack.url, first);
    expect(answered.activities.length).toBeGreaterThan(0);
    expect(resent.activities).toEqual([]);
  });

  it('posts replies to the serviceUrl in normal delivery mode', async () => {
    const connector = await fakeConnector();
    try {
      const { status } = await postActivity(stack.url, {
        ...messageActivity('conv-normal', { text: 'Hallo' }),
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

  it('refuses a deeply nested activity with a 400 before the conversation runs', async () => {
    const activity = messageActivity('conv-deep', { text: 'Hallo' });
    // 100 000 levels cannot be built with JSON.stringify (it recurses): the raw text is spliced instead.
    const levels = 100_000;
    const nested = `${'['.repeat(levels)}${']'.repeat(levels)}`;
    const raw = JSON.stringify({ ...activity, value: '<nested>' }).replace('"<nested>"', nested);
    const response = await fetch(`${stack.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: raw,
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string; code: string; reason: string }[] };
    expect(problem.errors).toEqual([
      expect.objectContaining({
        field: 'body.value',
        code: 'too_deep',
        reason: expect.stringContaining('64'),
      }),
    ]);
    // The same activity sent properly afterwards is answered: the refused one was never marked handled.
    const retried = await postActivity(stack.url, activity);
    expect(retried.status).toBe(200);
    expect(retried.activities[0]?.text).toContain('Wegweiser');
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
