import { demoInvitationToken } from './demo-data';
import { demoInterviewToken } from './demo-interviews';
import { demoWorkshopId } from './demo-workshop';
import { startLocalStack } from './stack';

/**
 * `npm start`: the whole system locally. Flags: `--in-memory` (or WEGWEISER_IN_MEMORY=true) for a
 * throw-away store; `PORT` for another port; `WEGWEISER_DYNAMODB_ENDPOINT` for another DynamoDB.
 */
const startedAt = performance.now();
const inMemory = process.argv.includes('--in-memory') || process.env.WEGWEISER_IN_MEMORY === 'true';
const port = Number(process.env.PORT ?? 3000);

const stack = await startLocalStack({
  port,
  inMemory,
  ...(process.env.WEGWEISER_DYNAMODB_ENDPOINT
    ? { dynamoDbEndpoint: process.env.WEGWEISER_DYNAMODB_ENDPOINT }
    : {}),
});

const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
const lines = [
  `Wegweiser is running (local stage, ${inMemory ? 'in-memory store' : 'data in .data/'}, up in ${seconds} s)`,
  `  Home:            ${stack.url}/`,
  `  Chat:            ${stack.url}/chat`,
  `  Survey:          ${stack.url}/survey   (demo invitation: ${stack.url}/survey#${demoInvitationToken})`,
  `  Offerings:       ${stack.url}/offerings`,
  `  Concept:         ${stack.url}/concept`,
  `  Concept status:  ${stack.url}/concept/status`,
  `  Expert booking:  ${stack.url}/interview#${demoInterviewToken}   (demo expert's link)`,
  `  Workshop:        ${stack.url}/workshop/${demoWorkshopId}`,
  `  Staff console:   ${stack.url}/staff   (admin@wegweiser.local / wegweiser-demo; also staff@ and steering@)`,
  `  Evaluation:      ${stack.url}/staff/evaluation   (signed in: figures, gap view, waves, report, exports)`,
  `  API reference:   ${stack.url}/api-reference`,
  `  OpenAPI:         ${stack.url}/api/openapi.json`,
  `  Dev outbox:      ${stack.url}/dev/outbox`,
  `  Health:          ${stack.url}/api/health`,
  `  DynamoDB:        ${stack.dynamoDbEndpoint} (table ${stack.tableName})`,
  'Press Ctrl-C to stop.',
];
process.stdout.write(`${lines.join('\n')}\n`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping the server and the store …\n`);
  await stack.stop();
  process.stdout.write('Stopped. Data kept.\n');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
