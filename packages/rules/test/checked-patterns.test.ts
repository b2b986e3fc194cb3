/**
 * The on-disk memory of patterns RE2 already accepted: remembered only once checked, read back
 * by the next run, kept apart per flags, and never written when turned off. A ruleset loaded
 * from that memory matches as one compiled fresh.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const dirs: string[] = [];
const saved = process.env.REDLINER_CACHE_DIR;

async function freshModule(dir: string) {
  process.env.REDLINER_CACHE_DIR = dir;
  vi.resetModules();
  return import('../src/compile/checked-patterns.ts');
}

afterEach(() => {
  if (saved === undefined) delete process.env.REDLINER_CACHE_DIR;
  else process.env.REDLINER_CACHE_DIR = saved;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'redliner-checked-'));
  dirs.push(dir);
  return dir;
}

describe('checked patterns', () => {
  it('remembers a checked pattern for the next run, per flags', async () => {
    const dir = tempDir();
    const first = await freshModule(dir);
    expect(first.wasChecked('notice\\s+period', 'gi')).toBe(false);
    first.rememberChecked('notice\\s+period', 'gi');
    first.saveChecked();
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^checked-patterns-re2-\d+\.\d+\.\d+\.txt$/);
    expect(readFileSync(join(dir, file!), 'utf8').trim().split('\n')).toHaveLength(1);
    const next = await freshModule(dir);
    expect(next.wasChecked('notice\\s+period', 'gi')).toBe(true);
    expect(next.wasChecked('notice\\s+period', 'i')).toBe(false);
    expect(next.wasChecked('notice\\s+periods', 'gi')).toBe(false);
  });

  it('writes nothing when turned off', async () => {
    const dir = tempDir();
    const off = await freshModule('off');
    off.rememberChecked('x+', 'gi');
    off.saveChecked();
    expect(off.wasChecked('x+', 'gi')).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a ruleset loaded again from the memory finds the same hits, and a bad pattern is still refused', async () => {
    const dir = tempDir();
    process.env.REDLINER_CACHE_DIR = dir;
    vi.resetModules();
    const rules = await import('../src/index.ts');
    const rule = ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', '  all:', "    - pattern: '\\bterminat\\w*'", "    - phrase: '{payer} may'", 'message: m', 'explanation: e'].join('\n');
    const files = [{ file: 'r.yaml', text: rule }];
    const text = 'Plan may terminate this Agreement on ten days notice.';
    const first = rules.buildRuleset(files);
    expect(first.errors).toEqual([]);
    const before = rules.analyze(rules.textDocument(text), first.ruleset).findings.map((f) => f.quote);
    expect(existsSync(dir) && readdirSync(dir).length).toBe(1);
    vi.resetModules();
    const again = await import('../src/index.ts');
    const second = again.buildRuleset(files);
    expect(second.ruleset.leaves.every((leaf) => leaf.regex === undefined)).toBe(true);
    expect(again.analyze(again.textDocument(text), second.ruleset).findings.map((f) => f.quote)).toEqual(before);
    expect(before.length).toBe(1);
    const bad = again.buildRuleset([{ file: 'r.yaml', text: rule.replace('\\bterminat\\w*', '(a+') }]);
    expect(bad.errors.map((e) => e.code)).toEqual(['RULE_BAD_PATTERN']);
  });
});
