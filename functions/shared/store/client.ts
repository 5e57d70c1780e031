import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { runtimeConfig } from '../config/env';
import { Store } from './store';

export function createDocumentClient(options: { region: string; endpoint?: string | undefined }) {
  const client = new DynamoDBClient({
    region: options.region,
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 4,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

let shared: Store | undefined;

/** The process's store on the configured table, made once and reused across invocations. */
export function defaultStore(): Store {
  if (!shared) {
    const config = runtimeConfig();
    shared = new Store(
      createDocumentClient({ region: config.region, endpoint: config.dynamoDbEndpoint }),
      config.tableName,
    );
  }
  return shared;
}
