import { join } from 'node:path';
import { Arn, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionName } from '../../functions/shared/http/route';
import { tableDefinition } from '../../functions/shared/store/table';
import { lambdaBundling } from '../bundling';
import type { FunctionAccess, TableAccess } from '../function-access';
import { functionEntry, repoRoot } from '../paths';
import { ReminderSchedules } from './reminder-schedules';

export interface FeatureFunctionProps {
  name: FunctionName;
  table: ITableV2;
  access: FunctionAccess;
  /** The SES sender, the only identity a mail-sending function may send as. */
  mailFrom: string;
  environment: Record<string, string>;
  logRetention: RetentionDays;
  timeout?: Duration;
  /**
   * Another entry and handler than the feature's API (`functions/<name>/index.ts`, `handler`): a
   * consumer of the table's stream, with its own bundle, invoked by an event source mapping.
   */
  stream?: { entry: string; description: string };
}

/**
 * Every feature function's timeout: below the API's integration timeout (`integrationTimeout`, which
 * answers 503 when it passes) with room for a cold start's init phase, which does not count against
 * it, and above the store client's worst case for one call (functions/shared/store/client.ts).
 */
export const functionTimeout = Duration.seconds(25);

const bundleFormats = { esm: OutputFormat.ESM, cjs: OutputFormat.CJS } as const;

const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  // TransactWriteItems is authorized per item: Put/Update/Delete and this for condition checks.
  'dynamodb:ConditionCheckItem',
];

const tableActions: Record<Exclude<TableAccess, 'none'>, string[]> = {
  read: readActions,
  readWrite: [...readActions, ...writeActions],
};

/**
 * One feature Lambda with the project's defaults: Node 24 on ARM, the bundle of lib/bundling.ts (the
 * one the benchmark measures: ESM, source maps, the AWS SDK from the runtime), its own log group with
 * the stage's retention, and a role holding exactly what `access` grants (the table's items and named
 * indexes, SES as one sender).
 */
export class FeatureFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;
  /** Only for functions whose access asks for reminder schedules. */
  readonly reminders?: ReminderSchedules;

  constructor(scope: Construct, id: string, props: FeatureFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention });
    // An own role instead of AWSLambdaBasicExecutionRole, which may write to every log group.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Wegweiser feature function "${props.name}"`,
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.function = new NodejsFunction(this, 'Function', {
      description:
        props.stream?.description ??
        `Wegweiser feature "${props.name}": dispatches on the API Gateway route key`,
      entry: props.stream?.entry ?? functionEntry(props.name),
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: props.timeout ?? functionTimeout,
      role,
      logGroup: this.logGroup,
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      bundling: {
        format: bundleFormats[lambdaBundling.format],
        target: lambdaBundling.target,
        minify: lambdaBundling.minify,
        sourceMap: lambdaBundling.sourcemap,
        mainFields: [...lambdaBundling.mainFields],
        banner: lambdaBundling.banner,
        externalModules: [...lambdaBundling.external],
      },
    });

    this.grantTable(role, props.table, props.access.table);
    if (props.access.sendsMail) this.grantMail(role, props.mailFrom);
    if (props.access.schedulesReminders) {
      this.reminders = new ReminderSchedules(this, 'ReminderSchedules', {
        target: this.function,
        functionRole: role,
      });
      for (const [name, value] of Object.entries(this.reminders.environment))
        this.function.addEnvironment(name, value);
    }

    const synchronous = props.stream
      ? 'Invoked by an event source mapping (polled, not async), whose own on-failure SQS queue keeps the failed records'
      : 'Invoked synchronously by API Gateway, which answers the caller with the error';
    Validations.of(this.function).acknowledge(
      {
        id: 'Serverless-LambdaDLQ',
        reason: `${synchronous}; a dead-letter queue only applies to async invocations.`,
      },
      {
        id: 'Serverless-LambdaAsyncFailureDestination',
        reason: `${synchronous}; failure destinations only apply to async invocations.`,
      },
      {
        id: 'Serverless-LambdaTracing',
        reason:
          'X-Ray is off: its IAM actions only work on Resource "*", and the structured logs carry a correlation id per request.',
      },
    );
  }

  private grantTable(role: Role, table: ITableV2, access: TableAccess): void {
    if (access === 'none') return;
    role.addToPolicy(new PolicyStatement({ actions: tableActions[access], resources: [table.tableArn] }));
    // Named indexes rather than `index/*`: a new index needs a new grant, on purpose.
    role.addToPolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: tableDefinition.globalSecondaryIndexes.map(
          (index) => `${table.tableArn}/index/${index.indexName}`,
        ),
      }),
    );
  }

  private grantMail(role: Role, mailFrom: string): void {
    const stack = Stack.of(this);
    const domain = mailFrom.split('@')[1] ?? mailFrom;
    // SES authorizes against whichever identity is verified: the address itself or its domain.
    const identities = [mailFrom, domain].map((identity) =>
      Arn.format({ service: 'ses', resource: 'identity', resourceName: identity }, stack),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: identities,
        conditions: { StringEquals: { 'ses:FromAddress': mailFrom } },
      }),
    );
  }
}
