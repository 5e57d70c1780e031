import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../functions/shared/store/table';
import { resourcesOf, synthWegweiser } from './support/wegweiser';

const { dataTemplate } = synthWegweiser();
const tables = Object.values(resourcesOf(dataTemplate, 'AWS::DynamoDB::GlobalTable'));
const table = tables[0];
const properties = (table?.Properties ?? {}) as Record<string, unknown> & {
  Replicas: Record<string, unknown>[];
  GlobalSecondaryIndexes: { IndexName: string; KeySchema: unknown; Projection: unknown }[];
};

const keySchema = (partitionKey: string, sortKey: string) => [
  { AttributeName: partitionKey, KeyType: 'HASH' },
  { AttributeName: sortKey, KeyType: 'RANGE' },
];

describe('the data stack', () => {
  it('holds exactly one table and nothing stateless', () => {
    expect(tables).toHaveLength(1);
    dataTemplate.resourceCountIs('AWS::Lambda::Function', 0);
  });

  it('builds keys and indexes from tableDefinition', () => {
    expect(properties.KeySchema).toEqual(keySchema(tableDefinition.partitionKey, tableDefinition.sortKey));
    expect(properties.GlobalSecondaryIndexes).toEqual(
      tableDefinition.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: keySchema(index.partitionKey, index.sortKey),
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const keyAttributes = [
      tableDefinition.partitionKey,
      tableDefinition.sortKey,
      ...tableDefinition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];
    expect(properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
    );
    expect(properties.AttributeDefinitions).toHaveLength(keyAttributes.length);
  });

  it('is on-demand, encrypted, expires items by TTL and has no physical name', () => {
    expect(properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(properties.SSESpecification).toMatchObject({ SSEEnabled: true });
    expect(properties.TimeToLiveSpecification).toEqual({
      AttributeName: tableDefinition.timeToLiveAttribute,
      Enabled: true,
    });
    expect(properties.TableName).toBeUndefined();
  });

  it('keeps point-in-time recovery and deletion protection on its replica', () => {
    expect(properties.Replicas).toHaveLength(1);
    expect(properties.Replicas[0]).toMatchObject({
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('survives the deletion or replacement of its stack', () => {
    expect(table?.DeletionPolicy).toBe('Retain');
    expect(table?.UpdateReplacePolicy).toBe('Retain');
  });

  it('publishes the table name', () => {
    expect(Object.keys(dataTemplate.findOutputs('TableName'))).toHaveLength(1);
  });
});
