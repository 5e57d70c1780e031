import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { configDir } from '../lib/paths';
import { loadCloudStage } from '../lib/stage-config';
import { SynthRefused } from '../lib/synth-refused';

const devConfig = JSON.parse(readFileSync(join(configDir, 'dev.json'), 'utf8')) as Record<string, unknown>;

/** A config directory holding dev.json with the given changes. */
function configDirWith(changes: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wegweiser-config-'));
  writeFileSync(join(dir, 'dev.json'), JSON.stringify({ ...devConfig, ...changes }));
  return dir;
}

function refusal(load: () => unknown): SynthRefused {
  try {
    load();
  } catch (error) {
    if (error instanceof SynthRefused) return error;
    throw error;
  }
  throw new Error('expected the stage config to be refused');
}

describe('loadCloudStage', () => {
  it.each([
    ['dev', RetentionDays.ONE_MONTH],
    ['prod', RetentionDays.ONE_YEAR],
  ] as const)('loads config/%s.json for deployment', (stage, retention) => {
    const loaded = loadCloudStage(stage);
    expect(loaded.config.stage).toBe(stage);
    expect(loaded.config.mailer).toBe('ses');
    expect(loaded.config.devSignIn).toBe(false);
    expect(loaded.logRetention).toBe(retention);
  });

  it('reports the county fields that still hold placeholders instead of refusing them', () => {
    expect(loadCloudStage('dev').placeholders).toContain('authority');
    expect(loadCloudStage('dev', configDirWith({})).placeholders.length).toBeGreaterThan(0);
  });

  it.each([
    ['the dev sign-in', { devSignIn: true }, /devSignIn.*local-only/],
    ['the outbox mailer', { mailer: 'outbox' }, /mailer.*local-only/],
    ['bot authentication switched off', { botAuthentication: false }, /botAuthentication.*local-only/],
    ['the local stage', { stage: 'local' }, /"local" stage.*never deployed/],
    ['another stage than its file name', { stage: 'prod' }, /declares the stage "prod", expected "dev"/],
    [
      'a retention CloudWatch does not offer',
      { logRetentionDays: 8 },
      /logRetentionDays 8 is not a CloudWatch/,
    ],
    ['an unknown field', { devTokenSecret: 'x'.repeat(40) }, /devTokenSecret/],
  ])('refuses a config with %s', (_case, changes, message) => {
    expect(refusal(() => loadCloudStage('dev', configDirWith(changes))).message).toMatch(message);
  });

  it.each(['local', 'staging', ''])('refuses to deploy the stage "%s"', (stage) => {
    expect(refusal(() => loadCloudStage(stage)).message).toMatch(/use -c stage=dev or -c stage=prod/);
  });

  it('names the file it cannot read', () => {
    const empty = mkdtempSync(join(tmpdir(), 'wegweiser-config-'));
    expect(refusal(() => loadCloudStage('prod', empty)).message).toContain(join(empty, 'prod.json'));
  });
});
