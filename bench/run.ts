import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalStack } from '../local/stack';
import { type BundleFigure, measureBundles } from './bundles';
import { type LoadFigure, measureLoad } from './http-load';
import { loadScenarios } from './scenarios';

/**
 * `npm run bench`: bundle sizes and init times of every feature Lambda (ratio to hello-world), and the
 * local server's latency and throughput under a bounded load on loopback. Writes bench/results.json
 * and the table in the README.
 */
const root = join(import.meta.dirname, '..');
const runs = Number(process.env.WEGWEISER_BENCH_INIT_RUNS ?? 20);

const stack = await startLocalStack({ port: 0, inMemory: true });
let bundles: BundleFigure[] = [];
let load: LoadFigure[] = [];
try {
  const env = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] =>
      entry[0].startsWith('WEGWEISER_'),
    ),
  );
  bundles = await measureBundles(join(root, 'bench/.out'), { ...env, AWS_REGION: 'eu-central-1' }, runs);
  const health = await measureLoad({ scenario: 'GET /api/health', url: `${stack.url}/api/health` });
  load = [health];
  for (const scenario of await loadScenarios(stack)) load.push(await scenario(health));
} finally {
  await stack.stop();
}

const results = {
  measuredAt: new Date().toISOString(),
  machine: { node: process.version, platform: `${process.platform}-${process.arch}` },
  initRunsPerBundle: runs,
  bundles,
  load,
};
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const bundleTable = [
  '| bundle | size (KB) | init median (ms) | init ratio to hello-world |',
  '|---|---:|---:|---:|',
  ...bundles.map((b) => `| ${b.bundle} | ${b.sizeKb} | ${b.initMedianMs} | ${b.initRatioToHelloWorld} |`),
];
const loadTable = [
  '| scenario | connections | requests | non-2xx | p50 (ms) | p99 (ms) | req/s | p50 / health | p99 / health |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...load.map(
    (l) =>
      `| ${l.scenario} | ${l.connections} | ${l.requests} | ${l.non2xx} | ${l.p50Ms} | ${l.p99Ms} | ${l.requestsPerSecond} | ${l.ratioP50ToHealth ?? 1} | ${l.ratioP99ToHealth ?? 1} |`,
  ),
];
const table = [...bundleTable, '', ...loadTable].join('\n');
process.stdout.write(`${table}\n`);

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const marked = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/;
if (marked.test(readme)) {
  writeFileSync(
    readmePath,
    readme.replace(
      marked,
      `<!-- bench:start -->\n_Measured ${results.measuredAt} on ${results.machine.platform}, Node ${results.machine.node}._\n\n${table}\n<!-- bench:end -->`,
    ),
  );
}
