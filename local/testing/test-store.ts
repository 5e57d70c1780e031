import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDocumentClient } from '../../functions/shared/store/client';
import { Store } from '../../functions/shared/store/store';
import { ensureTable } from '../embedded-dynamodb';

/**
 * A store on a fresh table of its own in the run's DynamoDB Local, so test files never share data
 * and can run in parallel.
 */
export async function freshStore(clock?: () => Date): Promise<Store> {
  const endpoint = inject('dynamoDbEndpoint');
  const tableName = `test-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  return new Store(createDocumentClient({ region: 'eu-central-1', endpoint }), tableName, clock);
}
