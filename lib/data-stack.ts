import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AttributeType,
  Billing,
  ProjectionType,
  StreamViewType,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableDefinition } from '../functions/shared/store/table';

const key = (name: string) => ({ name, type: AttributeType.STRING });

/**
 * How far back point-in-time recovery reaches, set deliberately instead of DynamoDB's 35 days: long
 * enough to notice and undo a faulty deployment or a wrong bulk change across two working weeks, short
 * enough that data erased on request (Art. 17 GDPR) is gone from the backups 14 days later too.
 */
export const pointInTimeRecoveryDays = 14;

/**
 * The stateful part: the single table, kept apart from the stateless stack so that the latter can be
 * replaced or destroyed freely. Built from `tableDefinition`, which the local store reads too.
 */
export class DataStack extends Stack {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.table = new TableV2(this, 'Table', {
      partitionKey: key(tableDefinition.partitionKey),
      sortKey: key(tableDefinition.sortKey),
      globalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
        projectionType: ProjectionType.ALL,
      })),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      // The evaluation's aggregates follow the table's changes (lib/constructs/evaluation-aggregates.ts).
      dynamoStream: StreamViewType[tableDefinition.streamViewType],
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: {
        pointInTimeRecoveryEnabled: true,
        recoveryPeriodInDays: pointInTimeRecoveryDays,
      },
      deletionProtection: true,
      encryption: TableEncryptionV2.awsManagedKey(),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnOutput(this, 'TableName', {
      value: this.table.tableName,
      description: 'The single DynamoDB table',
    });
  }
}
