import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnSecret } from 'aws-cdk-lib/aws-secretsmanager';
import { describe, expect, it } from 'vitest';
import { deployedFunctionNames } from '../lib/cloud-routes';
import { configDir } from '../lib/paths';
import { parseCloudStage } from '../lib/stage-config';
import { resourcesOf, synthWegweiser } from './support/wegweiser';

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

const devConfig = JSON.parse(readFileSync(join(configDir, 'dev.json'), 'utf8')) as Record<string, unknown>;
const registered = {
  appId: '11111111-2222-4333-8444-555555555555',
  appType: 'SingleTenant',
  tenantId: '66666666-7777-4888-9999-000000000000',
};

/** The dev stage with a registered bot, optionally with secrets imported by ARN. */
function synthWithBot(bot: Record<string, string>) {
  return synthWegweiser({ stage: parseCloudStage({ ...devConfig, bot }, 'test config') });
}

function inspect(synth: ReturnType<typeof synthWegweiser>) {
  const { service, serviceTemplate } = synth;
  const lambdas = resourcesOf(serviceTemplate, 'AWS::Lambda::Function');
  const policies = Object.values(resourcesOf(serviceTemplate, 'AWS::IAM::Policy'));
  const functionOf = (name: (typeof deployedFunctionNames)[number]) => {
    const feature = service.api.functions.get(name);
    if (!feature) throw new Error(`${name} is not deployed`);
    const properties = lambdas[service.getLogicalId(feature.function.node.defaultChild as CfnFunction)]
      ?.Properties as {
      Environment: { Variables: Record<string, unknown> };
      Role: { 'Fn::GetAtt': [string, string] };
    };
    return properties;
  };
  const statementsOfRole = (roleId: string): Statement[] =>
    policies
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
      .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  // Every function reads the origin secret (infra-tests/faults-and-origin.test.ts); here only the bot's count.
  const originSecret = { Ref: service.getLogicalId(service.origin.secret.node.defaultChild as CfnSecret) };
  const isOrigin = (resource: unknown) => JSON.stringify(resource) === JSON.stringify(originSecret);
  const secretStatements = (name: (typeof deployedFunctionNames)[number]) =>
    statementsOfRole(functionOf(name).Role['Fn::GetAtt'][0])
      .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('secretsmanager:')))
      .map((statement) => ({
        ...statement,
        Resource: [statement.Resource].flat().filter((resource) => !isOrigin(resource)),
      }))
      .filter((statement) => statement.Resource.length > 0);
  return {
    functionOf,
    secretStatements,
    secrets: Object.fromEntries(
      Object.entries(resourcesOf(serviceTemplate, 'AWS::SecretsManager::Secret')).filter(
        ([id]) => !isOrigin({ Ref: id }),
      ),
    ),
  };
}

describe('the bot in a cloud stage', () => {
  const synth = synthWithBot(registered);
  const { functionOf, secretStatements, secrets } = inspect(synth);
  const secretIds = Object.keys(secrets);

  it('creates two secrets, the app password and the Direct Line secret, with random placeholders', () => {
    expect(secretIds).toHaveLength(2);
    for (const secret of Object.values(secrets)) {
      expect(secret.Properties.GenerateSecretString).toMatchObject({ ExcludePunctuation: true });
      expect(secret.Properties.SecretString).toBeUndefined();
      expect(String(secret.Properties.Description)).toMatch(/put-secret-value/);
    }
  });

  it('publishes both secret ARNs as outputs, for the operator who puts the real values', () => {
    const outputs = synth.serviceTemplate.findOutputs('*');
    expect(outputs.BotAppPasswordSecretArn?.Value).toEqual({ Ref: expect.any(String) });
    expect(outputs.DirectLineSecretArn?.Value).toEqual({ Ref: expect.any(String) });
  });

  it('gives the chatbot function the app id, type and tenant from the stage config and both secret ARNs', () => {
    const variables = functionOf('chatbot').Environment.Variables;
    expect(variables).toMatchObject({
      WEGWEISER_BOT_APP_ID: registered.appId,
      WEGWEISER_BOT_APP_TYPE: 'SingleTenant',
      WEGWEISER_BOT_TENANT_ID: registered.tenantId,
      WEGWEISER_BOT_AUTH: 'true',
    });
    const arns = [variables.WEGWEISER_BOT_SECRET_ARN, variables.WEGWEISER_DIRECT_LINE_SECRET_ARN];
    expect(arns.map((arn) => (arn as { Ref: string }).Ref).sort()).toEqual([...secretIds].sort());
  });

  it('lets the chatbot read exactly these two secrets, nothing else and nothing more than reading', () => {
    const statements = secretStatements('chatbot');
    const actions = new Set(statements.flatMap((statement) => [statement.Action].flat()));
    expect([...actions].sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
    const resources = statements.flatMap((statement) => [statement.Resource].flat());
    expect(resources.map((resource) => (resource as { Ref: string }).Ref).sort()).toEqual(
      [...secretIds].sort(),
    );
  });

  it("lets the site's pages reach Direct Line (HTTPS and its WebSocket), which the cloud web chat talks to", () => {
    const policies = Object.values(
      resourcesOf(synth.serviceTemplate, 'AWS::CloudFront::ResponseHeadersPolicy'),
    );
    const csp = JSON.stringify(policies.map((policy) => policy.Properties));
    expect(csp).toMatch(
      /connect-src 'self' [^;]*https:\/\/directline\.botframework\.com wss:\/\/directline\.botframework\.com/,
    );
  });

  it('throttles the public token route tighter than the stage, once the route exists', () => {
    const stages = Object.values(resourcesOf(synth.serviceTemplate, 'AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(1);
    expect(stages[0]?.Properties.RouteSettings).toMatchObject({
      'POST /api/chat/token': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 20 },
    });
    const routes = resourcesOf(synth.serviceTemplate, 'AWS::ApiGatewayV2::Route');
    const tokenRoute = Object.entries(routes).find(
      ([, route]) => route.Properties.RouteKey === 'POST /api/chat/token',
    )?.[0];
    expect(stages[0]?.DependsOn).toEqual(expect.arrayContaining([tokenRoute]));
  });

  it.each(deployedFunctionNames.filter((name) => name !== 'chatbot'))(
    'gives %s neither the bot variables nor any secret',
    (name) => {
      const names = Object.keys(functionOf(name).Environment.Variables);
      expect(
        names.filter((variable) => /^WEGWEISER_(BOT_APP|BOT_TENANT|BOT_SECRET|DIRECT_LINE)/.test(variable)),
      ).toEqual([]);
      expect(secretStatements(name)).toEqual([]);
    },
  );
});

describe('bot secrets imported by ARN', () => {
  const appPasswordSecretArn =
    'arn:aws:secretsmanager:eu-central-1:123456789012:secret:wegweiser/bot-password-AbC123';
  const directLineSecretArn =
    'arn:aws:secretsmanager:eu-central-1:123456789012:secret:wegweiser/direct-line-XyZ789';
  const { functionOf, secretStatements, secrets } = inspect(
    synthWithBot({ ...registered, appPasswordSecretArn, directLineSecretArn }),
  );

  it('creates no secret and grants reading the imported ones only', () => {
    expect(Object.keys(secrets)).toEqual([]);
    expect(functionOf('chatbot').Environment.Variables).toMatchObject({
      WEGWEISER_BOT_SECRET_ARN: appPasswordSecretArn,
      WEGWEISER_DIRECT_LINE_SECRET_ARN: directLineSecretArn,
    });
    const resources = secretStatements('chatbot').flatMap((statement) => [statement.Resource].flat());
    expect(resources.sort()).toEqual([appPasswordSecretArn, directLineSecretArn].sort());
  });

  it('refuses an ARN that could match more than one secret', () => {
    expect(() =>
      parseCloudStage(
        {
          ...devConfig,
          bot: {
            ...registered,
            directLineSecretArn: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:wegweiser/*',
          },
        },
        'test config',
      ),
    ).toThrow(/directLineSecretArn/);
  });
});

describe('the bot registration in the stage config', () => {
  it('is required in a cloud stage', () => {
    const { bot: _bot, ...withoutBot } = devConfig;
    expect(() => parseCloudStage(withoutBot, 'test config')).toThrow(/bot/);
  });

  it('needs a tenant for a single-tenant bot', () => {
    expect(() =>
      parseCloudStage({ ...devConfig, bot: { ...registered, tenantId: '' } }, 'test config'),
    ).toThrow(/tenantId/);
  });

  it('warns, without failing, while the app id is empty (the chatbot then refuses to start)', () => {
    const { service } = synthWegweiser();
    Annotations.fromStack(service).hasWarning('*', Match.stringLikeRegexp('"bot.appId" is empty'));
  });
});
