import {
  ActivityTypes,
  type Attachment,
  ConversationState as BotConversationState,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import { logger } from '../../shared/log/logger';
import type { Store } from '../../shared/store/store';
import { type ConversationDeps, converse, type Reply } from '../conversation/converse';
import { ConversationState, newConversationState } from '../conversation/state';
import { type ActivityClaim, claimActivity, completeActivity, releaseActivity } from './activity-claim';
import { DynamoDbStorage } from './dynamodb-storage';
import { plainAsMarkdown } from './markdown';
import { offeringCardAttachment } from './offering-card';

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

/** A reply as an activity: its text as markdown showing exactly the plain text, offerings as plain cards. */
export function toActivity(reply: Reply) {
  const attachments: Attachment[] = (reply.cards ?? []).map(offeringCardAttachment);
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

  /** The turn itself: the conversation, its state, the replies. */
  async function answer(context: TurnContext): Promise<void> {
    const activity = context.activity;
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

  async function onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.ConversationUpdate) return;
    // Channels re-send what was not answered within 15 s or failed: each activity is answered once.
    let claim: ActivityClaim | undefined;
    if (activity.id) {
      claim = await claimActivity(options.store, activity.conversation.id, activity.id, now());
      if (!claim) return;
    }
    try {
      await answer(context);
    } catch (error) {
      // Give the activity back, so the channel's retry of this failed turn is answered.
      if (claim) await releaseActivity(options.store, claim);
      throw error;
    }
    if (claim) {
      try {
        await completeActivity(options.store, claim);
      } catch (error) {
        // The replies are out: failing the delivery now would only make the channel ask again. The
        // claim stays `processing` and keeps duplicates away for its lease.
        logger.error('bot activity not marked done', {
          errorType: error instanceof Error ? error.name : typeof error,
        });
      }
    }
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
    let failed = false;
    await adapter.process(
      {
        method: 'POST',
        headers: authorization ? { authorization } : {},
        body: body as Record<string, unknown>,
      },
      response,
      (context) =>
        onTurn(context).catch((error: unknown) => {
          failed = true;
          throw error;
        }),
    );
    // botbuilder answers 200 after `onTurnError`; a failed turn must not look answered, or the channel
    // never retries it. 503: the same delivery may well succeed again.
    if (failed) return { status: 503, body: undefined };
    return { status, body: responseBody };
  };
}
