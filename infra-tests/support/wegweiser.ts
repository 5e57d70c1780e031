import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { repoRoot } from '../../lib/paths';
import { type CloudStage, loadCloudStage } from '../../lib/stage-config';
import { createWegweiser } from '../../lib/wegweiser';

const cdkJson = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};

export const testAccount = '123456789012';

/** An app with the project's feature flags, skipping esbuild so the tests stay fast. */
export function testApp(): App {
  return new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
}

/** Stands in for `web/dist`, which may not be built when the tests run. */
export function fakeWebBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wegweiser-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>Wegweiser</title><script type="module" src="/assets/index-1a2b.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'index-1a2b.js'), 'export {};');
  return dir;
}

export function templateOf(stack: Stack): Template {
  return Template.fromStack(stack, { skipCyclicalDependenciesCheck: true });
}

export interface SynthOptions {
  stage?: CloudStage;
  certificateArn?: string;
  originSecretRotation?: string;
}

/** Both stacks of a stage, as `cdk synth` builds them, with their templates. */
export function synthWegweiser(options: SynthOptions = {}) {
  const app = testApp();
  const stage = options.stage ?? loadCloudStage('dev');
  const { data, service } = createWegweiser(app, {
    stage,
    webAssetDir: fakeWebBuild(),
    account: testAccount,
    ...(options.certificateArn ? { certificateArn: options.certificateArn } : {}),
    ...(options.originSecretRotation ? { originSecretRotation: options.originSecretRotation } : {}),
  });
  return { app, stage, data, service, dataTemplate: templateOf(data), serviceTemplate: templateOf(service) };
}

/** CloudFormation resources of one type, by logical id. */
export function resourcesOf(
  template: Template,
  type: string,
): Record<string, { Properties: Record<string, unknown> } & Record<string, unknown>> {
  return template.findResources(type) as Record<
    string,
    { Properties: Record<string, unknown> } & Record<string, unknown>
  >;
}
