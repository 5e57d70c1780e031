import {
  ActivityTypes,
  type Attachment,
  ConversationState as BotConversationState,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import { logger } from '../../shared/log/logger';
import type { Store } from '../../shared/store/store';
import { type ConversationDeps, converse, type Reply } from '../conversation/converse';
import { ConversationState, newConversationState } from '../conversation/state';
import { DynamoDbStorage, firstDelivery } from './dynamodb-storage';
import { plainAsMarkdown } from './markdown';

/**
 * The thin botbuilder layer: the endpoint bridge (API Gateway → CloudAdapter.process), turn handling
 * (Activity ↔ the SDK-free conversation) and the Storage binding. Moving to the Microsoft 365 Agents
 * SDK, which speaks the same Activity protocol, touches this folder only.
 */
export interface BotCredentials {
  appId: string;
  appPassword: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string;
}

export interface BotEndpointOptions {
  /** Undefined locally: like a bot talking to the Bot Framework Emulator, without authentication. */
  credentials: BotCredentials | undefined;
  store: Store;
  conversation: ConversationDeps;
  now?: () => Date;
}

export interface BotHttpResult {
  status: number;
  body: unknown;
}

function toActivity(reply: Reply) {
  const attachments: Attachment[] = (reply.cards ?? []).map((card) =>
    CardFactory.heroCard(
      card.title,
      card.lines.join('\n\n'),
      undefined,
      card.url ? CardFactory.actions([{ type: 'openUrl', title: card.title, value: card.url }]) : undefined,
    ),
  );
  return {
    type: ActivityTypes.Message,
    text: plainAsMarkdown(reply.text),
    locale: reply.language,
    textFormat: 'markdown',
    ...(attachments.length ? { attachments, attachmentLayout: 'list' as const } : {}),
    ...(reply.actions?.length
      ? {
          suggestedActions: {
            to: [],
            actions: reply.actions.map((action) => ({
              type: 'messageBack',
              title: action.title,
              displayText: action.title,
              text: action.title,
              value: action.value,
            })),
          },
        }
      : {}),
  };
}

export function createBotEndpoint(options: BotEndpointOptions) {
  const now = options.now ?? (() => new Date());
  const authentication = new ConfigurationBotFrameworkAuthentication(
    options.credentials
      ? {
          MicrosoftAppId: options.credentials.appId,
          MicrosoftAppPassword: options.credentials.appPassword,
          MicrosoftAppType: options.credentials.appType,
          MicrosoftAppTenantId: options.credentials.tenantId,
        }
      : {},
  );
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context, error) => {
    logger.error('bot turn failed', {
      conversationId: context.activity.conversation?.id,
      activityId: context.activity.id,
      errorType: error instanceof Error ? error.name : typeof error,
    });
  };
  const conversationState = new BotConversationState(new DynamoDbStorage(options.store, now));
  const stateProperty = conversationState.createProperty<unknown>('wegweiser');

  async function onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.ConversationUpdate) return;
    // Channels re-send what was not answered within 15 s: each activity is answered once.
    if (activity.id && !(await firstDelivery(options.store, activity.conversation.id, activity.id, now())))
      return;
    if (activity.type === ActivityTypes.ConversationUpdate) {
      const joined = (activity.membersAdded ?? []).some((member) => member.id !== activity.recipient?.id);
      if (!joined) return;
    }
    const stored = ConversationState.safeParse(await stateProperty.get(context, newConversationState()));
    const { replies, state } = await converse(
      options.conversation,
      stored.success ? stored.data : newConversationState(),
      {
        text: activity.type === ActivityTypes.Message ? (activity.text ?? '') : '',
        value: activity.value,
        locale: activity.locale,
      },
    );
    await stateProperty.set(context, state);
    await conversationState.saveChanges(context);
    for (const reply of replies) await context.sendActivity(toActivity(reply));
  }

  return async function process(body: unknown, authorization: string | undefined): Promise<BotHttpResult> {
    let status = 200;
    let responseBody: unknown;
    const response = {
      socket: undefined,
      status: (code: number) => {
        status = code;
      },
      send: (sent: unknown) => {
        responseBody = sent;
      },
      end: () => undefined,
      header: () => undefined,
    };
    await adapter.process(
      {
        method: 'POST',
        headers: authorization ? { authorization } : {},
        body: body as Record<string, unknown>,
      },
      response,
      onTurn,
    );
    return { status, body: responseBody };
  };
}
