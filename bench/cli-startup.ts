/**
 * CLI start-up: `redliner --help` through the installed bin (packages/cli/bin/redliner.js, as
 * `pnpm redliner` and a linked `redliner` run it) against `node -e 0` in the same run, so the
 * ratio is what our own start-up adds to Node's. Target: the median at most 6× Node's (about
 * 0.4 s on this machine, "well under half a second"). Run alone: `tsx bench/cli-startup.ts`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './stats.ts';

const RUNS = 7;
const TARGET_RATIO = 6;
const BIN = fileURLToPath(new URL('../packages/cli/bin/redliner.js', import.meta.url));

/** Wall-clock milliseconds of one process run; throws if it fails. */
function timeRun(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 300)}`);
  return ms;
}

/** Run the benchmark; returns whether the target is met. */
export function benchCliStartup(): boolean {
  console.log('\n## CLI start-up (redliner --help vs node -e 0)');
  // The first run fills tsx's compile cache, as the first run after install or a change does.
  timeRun([BIN, '--help']);
  const node: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    node.push(timeRun(['-e', '0']));
    cli.push(timeRun([BIN, '--help']));
  }
  const ratio = median(cli) / median(node);
  const met = ratio <= TARGET_RATIO;
  console.log(`node -e 0: median ${median(node).toFixed(0)} ms; redliner --help: median ${median(cli).toFixed(0)} ms (${ratio.toFixed(1)}×, target ≤ ${TARGET_RATIO}×): ${met ? 'met' : 'NOT met'}`);
  return met;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) benchCliStartup();
