import { join } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { streamSources } from '../../functions/evaluation/aggregates/stream';
import { repoRoot } from '../paths';
import { FeatureFunction } from './feature-function';

export interface EvaluationAggregatesProps {
  table: ITableV2;
  mailFrom: string;
  environment: Record<string, string>;
  logRetention: RetentionDays;
}

/** How the consumer is fed: named here so the template tests read the same figures. */
export const aggregatesStreamSettings = {
  batchSize: 100,
  retryAttempts: 5,
  maxRecordAgeHours: 24,
} as const;

/**
 * The evaluation's aggregates, kept current from the table's stream: a consumer Lambda of its own
 * bundle (`functions/evaluation/aggregates/index.ts`) behind an event source mapping that lets only
 * surveys, invitations and submitted versions through (its own writes never come back to it), halves
 * a failing batch to find the record, retries a bounded number of times, gives up on records older
 * than a day, and sends what it gave up on to an encrypted SQS queue, where a rebuild can start from.
 */
export class EvaluationAggregates extends Construct {
  readonly consumer: FeatureFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: EvaluationAggregatesProps) {
    super(scope, id);
    this.consumer = new FeatureFunction(this, 'Consumer', {
      name: 'evaluation',
      table: props.table,
      access: { table: 'readWrite', sendsMail: false },
      mailFrom: props.mailFrom,
      environment: props.environment,
      logRetention: props.logRetention,
      // A batch of 100 records is a few hundred small writes; a rebuild by hand walks a whole survey.
      timeout: Duration.minutes(5),
      stream: {
        entry: join(repoRoot, 'functions', 'evaluation', 'aggregates', 'index.ts'),
        description: "Wegweiser evaluation aggregates: applies the table's stream to each survey's counters",
      },
    });

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge(
      {
        id: 'AwsSolutions-SQS3',
        reason:
          'This queue is the dead-letter destination of the aggregates event source mapping; it has no queue of its own behind it.',
      },
      {
        id: 'Serverless-SQSRedrivePolicy',
        reason:
          'This queue is itself the dead-letter destination of the aggregates event source mapping; nothing consumes it automatically.',
      },
    );

    const sortKeyIs = (rule: unknown) => FilterCriteria.filter({ dynamodb: { Keys: { sk: { S: rule } } } });
    this.consumer.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: aggregatesStreamSettings.batchSize,
        bisectBatchOnError: true,
        retryAttempts: aggregatesStreamSettings.retryAttempts,
        maxRecordAge: Duration.hours(aggregatesStreamSettings.maxRecordAgeHours),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetters),
        filters: [
          sortKeyIs(FilterRule.isEqual(streamSources.survey)),
          sortKeyIs(FilterRule.beginsWith(streamSources.invitationPrefix)),
          sortKeyIs(FilterRule.beginsWith(streamSources.submissionPrefix)),
        ],
      }),
    );
  }
}
