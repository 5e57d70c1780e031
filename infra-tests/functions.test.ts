import { Duration, Stack } from 'aws-cdk-lib';
import { type ITableV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../functions/shared/store/table';
import { deployedFunctionNames } from '../lib/cloud-routes';
import { FeatureFunction, functionTimeout } from '../lib/constructs/feature-function';
import { accessOf, defaultAccess, type FunctionAccess } from '../lib/function-access';
import { resourcesOf, synthWegweiser, templateOf, testAccount, testApp } from './support/wegweiser';

const { stage, service, serviceTemplate } = synthWegweiser();
const lambdas = resourcesOf(serviceTemplate, 'AWS::Lambda::Function');
const policies = Object.values(resourcesOf(serviceTemplate, 'AWS::IAM::Policy'));
const roles = resourcesOf(serviceTemplate, 'AWS::IAM::Role');

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

const actionsOf = (statement: Statement) => [statement.Action].flat();
const statementsOf = (policyList: typeof policies) =>
  policyList.flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);

/** Every statement in the inline policies attached to a role. */
function statementsForRole(roleId: string): Statement[] {
  return statementsOf(
    policies.filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`)),
  );
}

const features = deployedFunctionNames.map((name) => {
  const feature = service.api.functions.get(name);
  if (!feature) throw new Error(`function ${name} is not deployed`);
  const cfn = feature.function.node.defaultChild as CfnFunction;
  const properties = lambdas[service.getLogicalId(cfn)]?.Properties as {
    Runtime: string;
    Architectures: string[];
    MemorySize: number;
    Timeout: number;
    Environment: { Variables: Record<string, unknown> };
    LoggingConfig: { LogGroup: { Ref: string } };
    Role: { 'Fn::GetAtt': [string, string] };
  };
  return { name, properties };
});

describe('the feature functions', () => {
  it.each(features)('$name runs Node 24 on ARM with 512 MB and a 25 s timeout', ({ properties }) => {
    expect(properties.Runtime).toBe('nodejs24.x');
    expect(properties.Architectures).toEqual(['arm64']);
    expect(properties.MemorySize).toBe(512);
    expect(properties.Timeout).toBe(functionTimeout.toSeconds());
    expect(properties.Timeout).toBe(25);
  });

  it('leaves no Node.js function on an older runtime', () => {
    const nodeRuntimes = Object.values(lambdas)
      .map((lambda) => String(lambda.Properties.Runtime))
      .filter((runtime) => runtime.startsWith('nodejs'));
    expect(new Set(nodeRuntimes)).toEqual(new Set(['nodejs24.x']));
  });

  it.each(features)('$name gets the cloud environment and no local-only switch', ({ properties }) => {
    const variables = properties.Environment.Variables;
    const names = Object.keys(variables);
    expect(names.filter((name) => name.startsWith('WEGWEISER_DEV_'))).toEqual([]);
    expect(names).not.toContain('WEGWEISER_DYNAMODB_ENDPOINT');
    expect(variables).toMatchObject({
      WEGWEISER_STAGE: 'dev',
      WEGWEISER_MAILER: 'ses',
      WEGWEISER_MAIL_FROM: stage.config.mailFrom,
      WEGWEISER_PUBLIC_BASE_URL: stage.config.publicBaseUrl,
      WEGWEISER_BOT_AUTH: 'true',
      NODE_OPTIONS: '--enable-source-maps',
    });
    expect(JSON.parse(String(variables.WEGWEISER_COUNTY))).toEqual(stage.config.county);
    for (const reference of [
      'WEGWEISER_TABLE_NAME',
      'WEGWEISER_COGNITO_DOMAIN',
      'WEGWEISER_COGNITO_CLIENT_ID',
    ]) {
      expect(variables[reference], reference).toBeDefined();
    }
  });

  it('sets no local-only variable on any function of the stack', () => {
    const environments = JSON.stringify(
      Object.values(lambdas).map((lambda) => lambda.Properties.Environment ?? {}),
    );
    expect(environments).not.toMatch(/WEGWEISER_DEV_|WEGWEISER_DYNAMODB_ENDPOINT|"outbox"/);
  });

  it.each(features)('$name logs to its own log group with the stage retention', ({ properties }) => {
    const logGroup = resourcesOf(serviceTemplate, 'AWS::Logs::LogGroup')[
      properties.LoggingConfig.LogGroup.Ref
    ];
    expect(logGroup?.Properties.RetentionInDays).toBe(stage.config.logRetentionDays);
  });

  it('gives every log group of the stack a retention', () => {
    const logGroups = Object.values(resourcesOf(serviceTemplate, 'AWS::Logs::LogGroup'));
    expect(logGroups.length).toBeGreaterThan(deployedFunctionNames.length);
    for (const logGroup of logGroups)
      expect(logGroup.Properties.RetentionInDays).toBe(stage.config.logRetentionDays);
  });

  it.each(features)(
    '$name holds only the table access its line in function-access grants',
    ({ name, properties }) => {
      const roleId = properties.Role['Fn::GetAtt'][0];
      expect(roles[roleId]?.Properties.ManagedPolicyArns).toBeUndefined();
      const statements = statementsForRole(roleId);
      const dynamoActions = statements.flatMap(actionsOf).filter((action) => action.startsWith('dynamodb:'));
      const access = accessOf(name);
      if (access.table === 'none') expect(dynamoActions).toEqual([]);
      if (access.table === 'read') expect(dynamoActions).not.toContain('dynamodb:PutItem');
      expect(statements.flatMap(actionsOf).filter((action) => action.startsWith('ses:')).length > 0).toBe(
        access.sendsMail,
      );
    },
  );

  it('maps platform, which answers without the table, to no table access, and staff (the audit trail) to no mail', () => {
    expect(accessOf('platform')).toEqual({ table: 'none', sendsMail: false });
    expect(accessOf('staff')).toEqual({ table: 'readWrite', sendsMail: false });
  });

  it('grants no wildcard DynamoDB action and no DynamoDB action on every resource', () => {
    for (const statement of statementsOf(policies)) {
      const actions = actionsOf(statement);
      expect(actions).not.toContain('*');
      expect(actions).not.toContain('dynamodb:*');
      if (actions.some((action) => action.startsWith('dynamodb:')))
        expect(JSON.stringify(statement.Resource)).not.toBe('"*"');
    }
  });
});

describe('FeatureFunction grants', () => {
  function grantsFor(access: FunctionAccess): Statement[] {
    const stack = new Stack(testApp(), 'GrantProbe', {
      env: { account: testAccount, region: 'eu-central-1' },
    });
    const table: ITableV2 = TableV2.fromTableName(stack, 'Table', 'probe-table');
    new FeatureFunction(stack, 'Probe', {
      name: 'platform',
      table,
      access,
      mailFrom: 'wegweiser@landkreis-wuerzburg.de',
      environment: {},
      logRetention: RetentionDays.ONE_WEEK,
      timeout: Duration.seconds(10),
    });
    return statementsOf(Object.values(resourcesOf(templateOf(stack), 'AWS::IAM::Policy')));
  }

  const dynamo = (statements: Statement[]) =>
    statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));

  it('gives read access no write action', () => {
    const actions = dynamo(grantsFor({ table: 'read', sendsMail: false })).flatMap(actionsOf);
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).toContain('dynamodb:Query');
    expect(actions.filter((action) => /Put|Update|Delete|Write|\*/.test(action))).toEqual([]);
  });

  it('gives read/write access (the default) the item writes a transaction needs', () => {
    expect(defaultAccess.table).toBe('readWrite');
    const actions = dynamo(grantsFor(defaultAccess)).flatMap(actionsOf);
    for (const action of ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem']) {
      expect(actions).toContain(`dynamodb:${action}`);
    }
    expect(actions).not.toContain('dynamodb:Scan');
  });

  it('lets queries reach the table and its named indexes, never index/*', () => {
    const resources = JSON.stringify(dynamo(grantsFor(defaultAccess)).map((statement) => statement.Resource));
    for (const index of tableDefinition.globalSecondaryIndexes)
      expect(resources).toContain(`:table/probe-table/index/${index.indexName}`);
    expect(resources).not.toContain('index/*');
  });

  it('limits sending mail to the configured sender', () => {
    const [ses, ...more] = grantsFor({ table: 'none', sendsMail: true }).filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('ses:')),
    );
    expect(more).toEqual([]);
    expect(ses?.Action).toBe('ses:SendEmail');
    expect(ses?.Condition).toEqual({
      StringEquals: { 'ses:FromAddress': 'wegweiser@landkreis-wuerzburg.de' },
    });
    const resources = JSON.stringify(ses?.Resource);
    expect(resources).toContain(':identity/wegweiser@landkreis-wuerzburg.de');
    expect(resources).toContain(':identity/landkreis-wuerzburg.de');
    expect(resources).not.toContain('*');
  });

  it('grants nothing but its own logs when the table is not needed', () => {
    const actions = grantsFor({ table: 'none', sendsMail: false }).flatMap(actionsOf);
    expect(actions.sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  });
});
