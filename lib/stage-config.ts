import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { placeholdersIn, StageConfig } from '../functions/shared/config/stage';
import { configDir } from './paths';
import { SynthRefused } from './synth-refused';

/** The stages that are deployed to AWS; `local` runs on one machine (`npm start`) and never is. */
export const cloudStageNames = ['dev', 'prod'] as const;
export type CloudStageName = (typeof cloudStageNames)[number];

const cloudWatchRetentions = new Set<number>(
  Object.values(RetentionDays).filter((value): value is number => typeof value === 'number'),
);

/** A stage config that passed every check a deployment needs. */
export interface CloudStage {
  config: StageConfig & { stage: CloudStageName };
  /** County fields still holding placeholders: the synth goes on with a warning, the functions refuse to start. */
  placeholders: string[];
  logRetention: RetentionDays;
}

function isCloudStageName(name: string): name is CloudStageName {
  return (cloudStageNames as readonly string[]).includes(name);
}

/** Validates a stage config for deployment; `source` names it in the error messages. */
export function parseCloudStage(raw: unknown, source: string): CloudStage {
  const parsed = StageConfig.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new SynthRefused(`${source} is not a valid stage config:\n${issues.join('\n')}`);
  }
  const config = parsed.data;
  const { stage } = config;
  if (!isCloudStageName(stage)) {
    throw new SynthRefused(
      `${source} is the "${stage}" stage: it runs on one machine (npm start) and is never deployed. Use -c stage=dev or -c stage=prod.`,
    );
  }
  if (!cloudWatchRetentions.has(config.logRetentionDays)) {
    throw new SynthRefused(
      `${source}: logRetentionDays ${config.logRetentionDays} is not a CloudWatch Logs retention (one of ${[...cloudWatchRetentions].sort((a, b) => a - b).join(', ')})`,
    );
  }
  return {
    config: { ...config, stage },
    placeholders: placeholdersIn(config.county),
    logRetention: config.logRetentionDays as RetentionDays,
  };
}

/** Reads and validates `config/<stage>.json` for `-c stage=<stage>`. */
export function loadCloudStage(stage: string, directory = configDir): CloudStage {
  if (!isCloudStageName(stage)) {
    throw new SynthRefused(
      `Stage "${stage}" cannot be deployed: use -c stage=dev or -c stage=prod (the local stage is started with npm start).`,
    );
  }
  const file = join(directory, `${stage}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SynthRefused(`Cannot read the stage config ${file}: ${(error as Error).message}`);
  }
  const loaded = parseCloudStage(raw, file);
  if (loaded.config.stage !== stage) {
    throw new SynthRefused(`${file} declares the stage "${loaded.config.stage}", expected "${stage}"`);
  }
  return loaded;
}
