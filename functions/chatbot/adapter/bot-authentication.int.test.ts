import { describe, expect, it } from 'vitest';
import { freshStore } from '../../../local/testing/test-store';
import type { ConversationDeps } from '../conversation/converse';
import { createBotEndpoint } from './bot-endpoint';

/** Any use of the conversation fails the test: an unauthenticated activity must never reach it. */
const untouchable = new Proxy({} as ConversationDeps, {
  get(_target, property) {
    throw new Error(`the conversation was reached (${String(property)})`);
  },
});

/** As in a cloud stage: an app id, type, tenant and password, so the SDK authenticates every activity. */
async function cloudEndpoint() {
  return createBotEndpoint({
    credentials: {
      appId: '00000000-0000-4000-8000-000000000001',
      appPassword: 'not-a-real-password',
      appType: 'SingleTenant',
      tenantId: '00000000-0000-4000-8000-000000000002',
    },
    store: await freshStore(),
    conversation: untouchable,
  });
}

const activity = {
  type: 'message',
  id: 'activity-1',
  channelId: 'webchat',
  serviceUrl: 'https://webchat.botframework.com/',
  conversation: { id: 'conv-cloud' },
  from: { id: 'dl_user' },
  recipient: { id: 'wegweiser-bot' },
  text: 'Wo gibt es einen Deutschkurs?',
};

describe('the bot endpoint in a cloud stage', () => {
  it.each([
    ['without an Authorization header', undefined],
    ['with a token that is no JWT', 'Bearer not-a-token'],
    ['with another scheme', 'Basic dXNlcjpwYXNz'],
  ])('answers 401 to an activity %s, and the conversation never runs', async (_case, authorization) => {
    const endpoint = await cloudEndpoint();
    const result = await endpoint(activity, authorization);
    expect(result.status).toBe(401);
  });

  it('answers an expectReplies activity without a token with 401 too (no replies leak)', async () => {
    const endpoint = await cloudEndpoint();
    const result = await endpoint(
      { ...activity, id: 'activity-2', deliveryMode: 'expectReplies' },
      undefined,
    );
    expect(result.status).toBe(401);
    expect(JSON.stringify(result.body ?? '')).not.toContain('activities');
  });
});
