import { App } from 'aws-cdk-lib';
import { addNagChecks } from '../lib/nag';
import { defaultWebAssetDir } from '../lib/paths';
import { loadCloudStage } from '../lib/stage-config';
import { SynthRefused } from '../lib/synth-refused';
import { createWegweiser } from '../lib/wegweiser';

/** `npx cdk synth|deploy --all -c stage=dev|prod [-c certificateArn=arn:aws:acm:us-east-1:…]` */
const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return value === undefined ? undefined : String(value);
};

try {
  createWegweiser(app, {
    stage: loadCloudStage(context('stage') ?? 'dev'),
    webAssetDir: context('webAssetDir') ?? defaultWebAssetDir,
    account: process.env.CDK_DEFAULT_ACCOUNT,
    certificateArn: context('certificateArn'),
    originSecretRotation: context('originSecretRotation'),
  });
  addNagChecks(app);
} catch (error) {
  if (!(error instanceof SynthRefused)) throw error;
  console.error(`\nWegweiser: synth refused.\n${error.message}\n`);
  process.exit(1);
}
