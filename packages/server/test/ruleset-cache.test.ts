/**
 * The analysis thread's compiled-ruleset cache is bounded (analysis-worker.ts): each compiled
 * ruleset holds native RE2 memory, and a server that opened many user rulesets must not keep
 * them all. The most recently used stay; an evicted one compiles again when used.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { cachedRulesets, load } from '../src/analysis/analysis-worker.ts';

const FIXTURE = fileURLToPath(new URL('../../rules/test/fixtures/engine-rules', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'redliner-ruleset-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('keeps at most four compiled rulesets, the most recently used, and recompiles an evicted one', () => {
  const dirs = Array.from({ length: 6 }, (_, i) => {
    const dir = join(root, `ruleset-${i}`);
    cpSync(FIXTURE, dir, { recursive: true });
    return dir;
  });
  const first = dirs.map((dir) => load(dir));
  expect(first.every((loaded) => loaded.rules.length > 0)).toBe(true);
  expect(cachedRulesets()).toBe(4);
  // The last four are kept: the same compiled object comes back.
  expect(load(dirs[5]!)).toBe(first[5]);
  expect(load(dirs[2]!)).toBe(first[2]);
  // The first two were evicted: they compile again, and the cache stays at its bound.
  const again = load(dirs[0]!);
  expect(again).not.toBe(first[0]);
  expect(again.rules.length).toBe(first[0]!.rules.length);
  expect(cachedRulesets()).toBe(4);
  // Used just now, dirs[2] survived the eviction that made room for dirs[0]; dirs[3] did not.
  expect(load(dirs[2]!)).toBe(first[2]);
  expect(load(dirs[3]!)).not.toBe(first[3]);
});
