import { routes } from '../routes';
import { runtimeConfig } from '../shared/config/env';
import { DomainError } from '../shared/domain/errors';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler } from '../shared/http/handler';
import { OutboxMessage } from '../shared/mail/outbox-mailer';
import { defaultStore } from '../shared/store/client';
import { keys } from '../shared/store/keys';
import { signInForDevelopment } from './dev-sign-in';

export const handler = featureLambda('dev', {
  devSignIn: httpHandler(routes.devSignIn, async ({ body }, context) => {
    const secret = runtimeConfig().devTokenSecret;
    if (!runtimeConfig().devSignIn || !secret) throw new DomainError('not_found', 'dev sign-in is off');
    return signInForDevelopment(defaultStore(), secret, body, context.receivedAt);
  }),
  devOutbox: httpHandler(routes.devOutbox, async ({ query }) => {
    const page = await defaultStore().query(OutboxMessage, {
      index: 'gsi1',
      partition: keys.outboxPartition(),
      newestFirst: true,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { messages: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) };
  }),
});
