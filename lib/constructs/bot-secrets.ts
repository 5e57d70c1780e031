import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { BotRegistration } from '../../functions/shared/config/stage';

export interface BotSecretsProps {
  bot: BotRegistration;
  /** Prod keeps its secrets when the stack is deleted, as it keeps its user pool. */
  retain: boolean;
}

const rotationReason =
  'Issued by Azure, not by AWS: the app password is a client secret of the Microsoft Entra app registration and the Direct Line secret belongs to the Azure Bot channel; both are regenerated there (README "Bot credentials") and then put here, so a Secrets Manager rotation Lambda has nothing to rotate.';

/**
 * The bot's two secrets in Secrets Manager: the Entra app password (the SDK authenticates activities
 * and replies with it) and the Direct Line secret (exchanged for web chat tokens). Each is created with
 * a random placeholder, which fails safely (Azure refuses it) until an operator puts the real value,
 * or imported by its complete ARN from the stage config. Only the chatbot function may read them.
 */
export class BotSecrets extends Construct {
  readonly appPassword: ISecret;
  readonly directLine: ISecret;

  constructor(scope: Construct, id: string, props: BotSecretsProps) {
    super(scope, id);
    this.appPassword = this.secret('AppPassword', props, props.bot.appPasswordSecretArn, {
      description:
        'Wegweiser bot: the client secret (app password) of the Microsoft Entra app registration of the Azure Bot. Set it with aws secretsmanager put-secret-value.',
    });
    this.directLine = this.secret('DirectLine', props, props.bot.directLineSecretArn, {
      description:
        "Wegweiser bot: a secret of the Azure Bot's Direct Line channel, exchanged for web chat tokens by POST /api/chat/token. Set it with aws secretsmanager put-secret-value.",
    });
  }

  private secret(
    id: string,
    props: BotSecretsProps,
    importedArn: string | undefined,
    options: { description: string },
  ): ISecret {
    if (importedArn) return Secret.fromSecretCompleteArn(this, id, importedArn);
    const secret = new Secret(this, id, {
      description: options.description,
      // A random placeholder, never a working credential: Azure refuses it until the real value is put.
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: rotationReason });
    return secret;
  }

  /**
   * Gives the chatbot function what botbuilder and the token exchange read (functions/shared/config/
   * env.ts): the registration's public identifiers and the two secrets' ARNs, and read access to
   * exactly these two secrets.
   */
  connect(
    chatbot: IFunction & { addEnvironment(key: string, value: string): unknown },
    bot: BotRegistration,
  ) {
    chatbot.addEnvironment('WEGWEISER_BOT_APP_ID', bot.appId);
    chatbot.addEnvironment('WEGWEISER_BOT_APP_TYPE', bot.appType);
    chatbot.addEnvironment('WEGWEISER_BOT_TENANT_ID', bot.tenantId);
    chatbot.addEnvironment('WEGWEISER_BOT_SECRET_ARN', this.appPassword.secretArn);
    chatbot.addEnvironment('WEGWEISER_DIRECT_LINE_SECRET_ARN', this.directLine.secretArn);
    this.appPassword.grantRead(chatbot);
    this.directLine.grantRead(chatbot);
  }
}
