import { type App, Tags } from 'aws-cdk-lib';
import { requireWebBuild } from './constructs/web-site';
import { DataStack } from './data-stack';
import { ServiceStack } from './service-stack';
import type { CloudStage } from './stage-config';

export interface WegweiserOptions {
  stage: CloudStage;
  webAssetDir: string;
  /** Unset: the account of the current AWS credentials, resolved at deploy time. */
  account?: string;
  certificateArn?: string;
  originSecretRotation?: string;
}

/** Both stacks of one stage: `Wegweiser-<stage>-Data` (the table) and `Wegweiser-<stage>-Service`. */
export function createWegweiser(app: App, options: WegweiserOptions) {
  requireWebBuild(options.webAssetDir);
  const { config } = options.stage;
  const env = { account: options.account, region: config.region };
  const prefix = `Wegweiser-${config.stage}`;
  const data = new DataStack(app, `${prefix}-Data`, {
    env,
    description: `Wegweiser ${config.stage}: the table (stateful, retained)`,
    terminationProtection: config.stage === 'prod',
  });
  const service = new ServiceStack(app, `${prefix}-Service`, {
    env,
    description: `Wegweiser ${config.stage}: sign-in, API, functions and web (stateless)`,
    stage: options.stage,
    table: data.table,
    webAssetDir: options.webAssetDir,
    ...(options.certificateArn ? { certificateArn: options.certificateArn } : {}),
    ...(options.originSecretRotation ? { originSecretRotation: options.originSecretRotation } : {}),
  });
  service.addStackDependency(data);
  for (const stack of [data, service]) {
    Tags.of(stack).add('project', 'wegweiser');
    Tags.of(stack).add('stage', config.stage);
  }
  return { data, service };
}
