import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { functionNames } from '../functions/shared/http/route';
import { lambdaBundling } from '../lib/bundling';

export interface BundleFigure {
  bundle: string;
  sizeKb: number;
  initMedianMs: number;
  initRatioToHelloWorld: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

async function bundle(entry: string, outfile: string): Promise<number> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: lambdaBundling.format,
    platform: lambdaBundling.platform,
    target: lambdaBundling.target,
    minify: lambdaBundling.minify,
    sourcemap: lambdaBundling.sourcemap,
    mainFields: [...lambdaBundling.mainFields],
    external: [...lambdaBundling.external],
    banner: { js: lambdaBundling.banner },
    logLevel: 'error',
  });
  return statSync(outfile).size / 1024;
}

/** Median time to import the bundle (module init) over fresh Node processes. */
function initTimes(file: string, runs: number, env: Record<string, string>): number[] {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`init of ${file} failed: ${result.stderr.slice(0, 500)}`);
    times.push(Number(result.stdout));
  }
  return times;
}

/** Every feature bundle's size and module-init time, as a ratio to a hello-world bundle. */
export async function measureBundles(
  outDir: string,
  env: Record<string, string>,
  runs = 20,
): Promise<BundleFigure[]> {
  mkdirSync(outDir, { recursive: true });
  const helloEntry = join(outDir, 'hello-world.src.mjs');
  writeFileSync(helloEntry, 'export const handler = async () => ({ statusCode: 200, body: "hello" });\n');
  const helloFile = join(outDir, 'hello-world.mjs');
  const helloSize = await bundle(helloEntry, helloFile);
  const helloMedian = median(initTimes(helloFile, runs, env));
  const figures: BundleFigure[] = [
    {
      bundle: 'hello-world',
      sizeKb: round(helloSize),
      initMedianMs: round(helloMedian),
      initRatioToHelloWorld: 1,
    },
  ];
  for (const name of functionNames) {
    const file = join(outDir, `${name}.mjs`);
    const size = await bundle(join(import.meta.dirname, `../functions/${name}/index.ts`), file);
    const initMedian = median(initTimes(file, runs, env));
    figures.push({
      bundle: name,
      sizeKb: round(size),
      initMedianMs: round(initMedian),
      initRatioToHelloWorld: round(initMedian / helloMedian),
    });
  }
  return figures;
}

export const round = (value: number) => Math.round(value * 100) / 100;
