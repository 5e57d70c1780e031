import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalStack } from '../local/stack';
import { type BundleFigure, measureBundles } from './bundles';
import { type EvaluationFigure, measureEvaluation } from './evaluation';
import { type LoadFigure, measureLoad } from './http-load';
import { type LimitFigure, liftedRateLimits, measureRateLimits, rateLimitTable } from './rate-limits';
import { loadScenarios } from './scenarios';

/**
 * `npm run bench`: bundle sizes and init times of every feature Lambda (ratio to hello-world), and the
 * local server's latency and throughput under a bounded load on loopback. Writes bench/results.json
 * and the table in the README.
 */
const root = join(import.meta.dirname, '..');
const runs = Number(process.env.WEGWEISER_BENCH_INIT_RUNS ?? 20);
/**
 * `WEGWEISER_BENCH_ONLY=evaluation` measures the dashboard again and keeps the other figures of the last
 * run; `WEGWEISER_BENCH_ONLY=rate-limits` runs only the load above the rate limits.
 */
const only = process.env.WEGWEISER_BENCH_ONLY;
const onlyRateLimits = only === 'rate-limits';
const previous = only
  ? (JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8')) as {
      bundles: BundleFigure[];
      load: LoadFigure[];
      evaluation?: EvaluationFigure[];
      rateLimits?: LimitFigure[];
    })
  : undefined;

// The functions read their limits once per process: the run above the limits has a process (and a
// stack with the default limits) of its own; every other run lifts the limits it would only trip over.
const stack = await startLocalStack({
  port: 0,
  inMemory: true,
  ...(onlyRateLimits ? {} : { rateLimits: liftedRateLimits }),
});
let bundles: BundleFigure[] = [];
let load: LoadFigure[] = [];
let evaluation: EvaluationFigure[] = [];
let rateLimits: LimitFigure[] = previous?.rateLimits ?? [];
try {
  if (onlyRateLimits) {
    bundles = previous?.bundles ?? [];
    load = previous?.load ?? [];
    evaluation = previous?.evaluation ?? [];
    rateLimits = await measureRateLimits(stack);
  } else {
    const env = Object.fromEntries(
      Object.entries(process.env).filter((entry): entry is [string, string] =>
        entry[0].startsWith('WEGWEISER_'),
      ),
    );
    const health = await measureLoad({ scenario: 'GET /api/health', url: `${stack.url}/api/health` });
    if (previous) {
      ({ bundles, load } = previous);
    } else {
      bundles = await measureBundles(join(root, 'bench/.out'), { ...env, AWS_REGION: 'eu-central-1' }, runs);
      load = [health];
      for (const scenario of await loadScenarios(stack)) load.push(await scenario(health));
    }
    evaluation = await measureEvaluation(stack, health);
  }
} finally {
  await stack.stop();
}

const results = {
  measuredAt: new Date().toISOString(),
  machine: { node: process.version, platform: `${process.platform}-${process.arch}` },
  initRunsPerBundle: runs,
  bundles,
  load,
  evaluation,
  rateLimits,
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
const growth = (path: EvaluationFigure['path']) => {
  const measured = evaluation.filter((e) => (e.path ?? 'query') === path);
  const smallest = measured[0];
  const largest = measured.at(-1);
  return smallest && largest && smallest.p50Ms > 0 && largest.p50Ms > 0
    ? `Growth (${path}): ${largest.responses / smallest.responses}× the responses cost ${(largest.p50Ms / Math.max(smallest.p50Ms, 0.01)).toFixed(1)}× the median time (flat would be about 1×).`
    : '';
};
const evaluationTable = [
  '| evaluation dashboard | path | responses | stream caught up (ms) | first request (ms) | p50 (ms) | p99 (ms) | p50 / health | p99 / health |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ...evaluation.map(
    (e) =>
      `| ${e.scenario.replace(/ \(.*\)$/, '')} | ${e.path ?? 'query'} | ${e.responses} | ${e.catchUpMs ?? '–'} | ${e.firstRequestMs} | ${e.p50Ms} | ${e.p99Ms} | ${e.ratioP50ToHealth} | ${e.ratioP99ToHealth} |`,
  ),
  '',
  growth('aggregate'),
  '',
  growth('query'),
];
const table = [
  ...bundleTable,
  '',
  ...loadTable,
  '',
  ...evaluationTable,
  '',
  ...rateLimitTable(rateLimits),
].join('\n');
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

// A full run ends with the run above the limits, in a process of its own (see above); it adds its
// figures to the results and the README written just now.
if (!only) {
  execFileSync('npx', ['tsx', 'bench/run.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, WEGWEISER_BENCH_ONLY: 'rate-limits' },
  });
}
