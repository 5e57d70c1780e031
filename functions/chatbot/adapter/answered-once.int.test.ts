import { describe, expect, it } from 'vitest';
import type { BotActivity } from '../../../local/testing/bot-client';
import { messageActivity } from '../../../local/testing/bot-client';
import { freshStore } from '../../../local/testing/test-store';
import type { Store } from '../../shared/store/store';
import { sampleOffering } from '../testing/sample-offering';
import { activityClaimLeaseSeconds, claimActivity } from './activity-claim';
import { createBotEndpoint } from './bot-endpoint';

const offering = sampleOffering();

/**
 * The real endpoint (botbuilder's CloudAdapter, the real store), with one injected fault: the offerings
 * search fails on its first `failures` calls. A search that fails once cannot be produced for real.
 */
function endpointWith(store: Store, failures: number) {
  let calls = 0;
  let searches = 0;
  const process = createBotEndpoint({
    credentials: undefined,
    store,
    conversation: {
      findOfferings: async () => {
        calls += 1;
        if (calls <= failures) throw new Error('offerings search unavailable');
        searches += 1;
        return { offerings: [offering], total: 1 };
      },
      publicBaseUrl: 'https://wegweiser.example',
      integrationContact: 'integration@example.org',
    },
  });
  return {
    searches: () => searches,
    deliver: async (activity: Record<string, unknown>) => {
      const { status, body } = await process(activity, undefined);
      return { status, activities: (body as { activities?: BotActivity[] } | undefined)?.activities ?? [] };
    },
  };
}

/** A conversation that has been greeted, and a question about offerings in it. */
async function greeted(bot: ReturnType<typeof endpointWith>, conversation: string) {
  const hello = await bot.deliver(messageActivity(conversation, { text: 'Hallo', locale: 'de-DE' }));
  expect(hello.status).toBe(200);
  return messageActivity(conversation, { text: 'Deutschkurs in Ochsenfurt', locale: 'de-DE' });
}

const answeredWithCard = (activities: BotActivity[]) => activities.some((reply) => reply.attachments?.length);

describe('each activity is answered once, and a failed turn is answered on its retry', () => {
  it('answers the retried delivery after a failed turn exactly once', async () => {
    const bot = endpointWith(await freshStore(), 1);
    const question = await greeted(bot, 'conv-failed-once');

    const failed = await bot.deliver(question);
    // Not a 2xx: the channel must not take the failed turn for answered.
    expect(failed.status).toBe(503);
    expect(failed.activities).toEqual([]);

    const retried = await bot.deliver(question);
    expect(retried.status).toBe(200);
    expect(answeredWithCard(retried.activities)).toBe(true);

    const again = await bot.deliver(question);
    expect(again.status).toBe(200);
    expect(again.activities).toEqual([]);
    expect(bot.searches()).toBe(1);
  });

  it('never answers a delivery twice whose turn succeeded', async () => {
    const bot = endpointWith(await freshStore(), 0);
    const question = await greeted(bot, 'conv-succeeded');
    const first = await bot.deliver(question);
    expect(answeredWithCard(first.activities)).toBe(true);
    for (let resend = 0; resend < 3; resend += 1) {
      const resent = await bot.deliver(question);
      expect(resent.status).toBe(200);
      expect(resent.activities).toEqual([]);
    }
    expect(bot.searches()).toBe(1);
  });

  it('answers concurrent deliveries of one activity once', async () => {
    const bot = endpointWith(await freshStore(), 0);
    const question = await greeted(bot, 'conv-concurrent');
    const deliveries = await Promise.all(Array.from({ length: 5 }, () => bot.deliver(question)));
    expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200, 200, 200]);
    expect(deliveries.filter((delivery) => delivery.activities.length > 0)).toHaveLength(1);
    expect(bot.searches()).toBe(1);
  });

  it('leaves a turn still running alone, and takes over a claim whose lease has run out', async () => {
    const store = await freshStore();
    const bot = endpointWith(store, 0);
    const running = await greeted(bot, 'conv-running');
    // Another instance claimed the activity just now and is still on it.
    await claimActivity(store, 'conv-running', String(running.id), new Date());
    expect((await bot.deliver(running)).activities).toEqual([]);

    // An instance claimed this one and died mid-turn: its lease is over.
    const abandoned = messageActivity('conv-running', { text: 'Deutschkurs in Ochsenfurt', locale: 'de-DE' });
    await claimActivity(
      store,
      'conv-running',
      String(abandoned.id),
      new Date(Date.now() - (activityClaimLeaseSeconds + 1) * 1000),
    );
    const taken = await bot.deliver(abandoned);
    expect(answeredWithCard(taken.activities)).toBe(true);
    expect((await bot.deliver(abandoned)).activities).toEqual([]);
  });
});
