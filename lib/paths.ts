import { join, resolve } from 'node:path';

/** The repository root: NodejsFunction bundles from here, and the stage files live below it. */
export const repoRoot = resolve(import.meta.dirname, '..');

export const configDir = join(repoRoot, 'config');

/** Vite's output (`npm run build:web`), uploaded to the site bucket. */
export const defaultWebAssetDir = join(repoRoot, 'web', 'dist');

export function functionEntry(functionName: string): string {
  return join(repoRoot, 'functions', functionName, 'index.ts');
}
