import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { BotSecrets } from './constructs/bot-secrets';
import { EvaluationAggregates } from './constructs/evaluation-aggregates';
import { FeatureApi } from './constructs/feature-api';
import { OriginSecret } from './constructs/origin-secret';
import { StaffSignIn } from './constructs/staff-sign-in';
import { WebSite } from './constructs/web-site';
import { cloudFunctionEnvironment } from './function-environment';
import type { CloudStage } from './stage-config';

export interface ServiceStackProps extends StackProps {
  stage: CloudStage;
  table: ITableV2;
  webAssetDir: string;
  /** ACM certificate (us-east-1) for the host of `publicBaseUrl`; without it, the *.cloudfront.net name. */
  certificateArn?: string;
  /** Any new label after the origin secret got a new value: makes CloudFront read it again (README). */
  originSecretRotation?: string;
}

/** The stateless part: staff sign-in, the feature functions behind the HTTP API, and the web front end. */
export class ServiceStack extends Stack {
  readonly signIn: StaffSignIn;
  readonly api: FeatureApi;
  readonly web: WebSite;
  readonly bot: BotSecrets;
  readonly origin: OriginSecret;
  readonly aggregates: EvaluationAggregates;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { config, logRetention, placeholders } = props.stage;

    this.signIn = new StaffSignIn(this, 'StaffSignIn', {
      stage: config.stage,
      publicBaseUrl: config.publicBaseUrl,
      retain: config.stage === 'prod',
    });

    this.origin = new OriginSecret(this, 'Origin');

    const environment = cloudFunctionEnvironment(config, {
      tableName: props.table.tableName,
      cognitoDomain: this.signIn.hostedUiUrl,
      cognitoClientId: this.signIn.client.userPoolClientId,
      originSecretArn: this.origin.secret.secretArn,
    });
    this.api = new FeatureApi(this, 'Api', {
      table: props.table,
      mailFrom: config.mailFrom,
      logRetention,
      staffTokenIssuer: this.signIn.issuerUrl,
      staffClientId: this.signIn.client.userPoolClientId,
      environment,
    });
    this.aggregates = new EvaluationAggregates(this, 'EvaluationAggregates', {
      table: props.table,
      mailFrom: config.mailFrom,
      logRetention,
      environment,
    });
    for (const feature of this.api.functions.values()) this.origin.secret.grantRead(feature.function);

    const { bot } = config;
    if (!bot) throw new Error(`config/${config.stage}.json has no "bot" section`);
    this.bot = new BotSecrets(this, 'Bot', { bot, retain: config.stage === 'prod' });
    const chatbot = this.api.functions.get('chatbot');
    if (!chatbot) throw new Error('the chatbot function is not deployed');
    this.bot.connect(chatbot.function, bot);
    if (!bot.appId) {
      Annotations.of(this).addWarningV2(
        'wegweiser:bot-app-id',
        `config/${config.stage}.json: "bot.appId" is empty. The stack deploys, but the chatbot function refuses to start until the Azure Bot's Microsoft App ID is filled in (README "Bot credentials").`,
      );
    }

    this.web = new WebSite(this, 'Web', {
      webAssetDir: props.webAssetDir,
      apiDomainName: this.api.domainName,
      originHeader: this.origin.header(props.originSecretRotation),
      signInOrigin: this.signIn.hostedUiUrl,
      logRetention,
      logRetentionDays: config.logRetentionDays,
      ...(props.certificateArn
        ? {
            customDomain: {
              domainName: new URL(config.publicBaseUrl).host,
              certificateArn: props.certificateArn,
            },
          }
        : {}),
    });

    if (placeholders.length > 0) {
      Annotations.of(this).addWarningV2(
        'wegweiser:county-placeholders',
        `config/${config.stage}.json: the county details still hold placeholders (${placeholders.join(', ')}). ` +
          'The stack deploys, but every function refuses to start until they are filled in.',
      );
    }

    const siteUrl = props.certificateArn
      ? config.publicBaseUrl
      : `https://${this.web.distribution.distributionDomainName}`;
    new CfnOutput(this, 'SiteUrl', {
      value: siteUrl,
      description: 'The web front end (and the API under /api)',
    });
    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url, description: 'The HTTP API itself' });
    new CfnOutput(this, 'UserPoolId', { value: this.signIn.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.signIn.client.userPoolClientId });
    new CfnOutput(this, 'HostedUiUrl', { value: this.signIn.hostedUiUrl, description: 'Cognito sign-in' });
    new CfnOutput(this, 'BotAppPasswordSecretArn', {
      value: this.bot.appPassword.secretArn,
      description: "Put the Azure Bot's app password (Entra client secret) here",
    });
    new CfnOutput(this, 'DirectLineSecretArn', {
      value: this.bot.directLine.secretArn,
      description: "Put a secret of the Azure Bot's Direct Line channel here",
    });
  }
}
