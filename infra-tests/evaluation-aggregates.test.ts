import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { streamSources } from '../functions/evaluation/aggregates/stream';
import { aggregatesStreamSettings } from '../lib/constructs/evaluation-aggregates';
import { resourcesOf, synthWegweiser } from './support/wegweiser';

const { service, dataTemplate, serviceTemplate } = synthWegweiser();
const consumerId = service.getLogicalId(
  service.aggregates.consumer.function.node.defaultChild as CfnFunction,
);
const queueId = service.getLogicalId(service.aggregates.deadLetters.node.defaultChild as CfnQueue);
const mappings = Object.values(resourcesOf(serviceTemplate, 'AWS::Lambda::EventSourceMapping'));
const mapping = mappings[0]?.Properties ?? {};

describe('the evaluation aggregates from the table stream', () => {
  it('turns the stream on, with the item before and after each change', () => {
    const [table] = Object.values(resourcesOf(dataTemplate, 'AWS::DynamoDB::GlobalTable'));
    expect(table?.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('feeds exactly one consumer, its own function, from the stream', () => {
    expect(mappings).toHaveLength(1);
    expect(JSON.stringify(mapping.FunctionName)).toContain(consumerId);
    expect(JSON.stringify(mapping.EventSourceArn)).toContain('StreamArn');
    expect(mapping.StartingPosition).toBe('TRIM_HORIZON');
  });

  it('halves failing batches, retries a bounded number of times, drops records older than a day, reports single records', () => {
    expect(mapping).toMatchObject({
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: aggregatesStreamSettings.retryAttempts,
      MaximumRecordAgeInSeconds: aggregatesStreamSettings.maxRecordAgeHours * 3600,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: aggregatesStreamSettings.batchSize,
    });
    expect(aggregatesStreamSettings.retryAttempts).toBeGreaterThan(0);
    expect(aggregatesStreamSettings.retryAttempts).toBeLessThanOrEqual(10);
  });

  it('sends what it gave up on to an encrypted queue that refuses plain HTTP', () => {
    const destination = (mapping.DestinationConfig as { OnFailure: { Destination: unknown } }).OnFailure;
    expect(JSON.stringify(destination.Destination)).toContain(queueId);
    const queue = resourcesOf(serviceTemplate, 'AWS::SQS::Queue')[queueId];
    expect(queue?.Properties.SqsManagedSseEnabled).toBe(true);
    const policies = Object.values(resourcesOf(serviceTemplate, 'AWS::SQS::QueuePolicy')).filter((policy) =>
      JSON.stringify(policy.Properties.Queues).includes(queueId),
    );
    const statements = policies.flatMap(
      (policy) => (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('lets only surveys, invitations and submitted versions through (never its own writes)', () => {
    const patterns = (mapping.FilterCriteria as { Filters: { Pattern: string }[] }).Filters.map(
      (filter) => JSON.parse(filter.Pattern) as { dynamodb: { Keys: { sk: { S: unknown } } } },
    );
    expect(patterns.map((pattern) => pattern.dynamodb.Keys.sk.S)).toEqual([
      [streamSources.survey],
      [{ prefix: streamSources.invitationPrefix }],
      [{ prefix: streamSources.submissionPrefix }],
    ]);
  });

  it('gives the consumer the stream and the queue, and the table only by item', () => {
    const consumer = resourcesOf(serviceTemplate, 'AWS::Lambda::Function')[consumerId];
    const roleId = (consumer?.Properties.Role as { 'Fn::GetAtt': [string, string] } | undefined)?.[
      'Fn::GetAtt'
    ][0];
    expect(roleId).toBeDefined();
    const actions = Object.values(resourcesOf(serviceTemplate, 'AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
      .flatMap(
        (policy) =>
          (policy.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement,
      )
      .flatMap((statement) => [statement.Action].flat());
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetRecords', 'sqs:SendMessage', 'dynamodb:Query']),
    );
    expect(actions).not.toContain('dynamodb:Scan');
  });
});
