/**
 * Every hostile rule file of the shared corpus (`hostile/rules/`) through the three ways a rule
 * reaches the engine: `redliner rules lint` (in process), the library's load + analyze over a
 * 90-page-sized contract, and the server's validate and save. Each must end in a located rule
 * error or a result within 10 s and under 1 GB more memory: never an HTTP 500, never exit code 3;
 * and while the server validates and saves each file, health requests are answered (target 1 s,
 * see HEALTH_LIMIT_MS; rule checks run off its main thread). Prints a summary table with the counts (cases, located
 * errors, results, crashes, hangs). Skips with a message when ../shared is absent.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@redliner/cli';
import { analyze, loadRuleset, RuleTooSlowError, textDocument, type RuleError } from '@redliner/rules';
import { buildApp } from '@redliner/server';
import { corpusPath, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

if (!SHARED_DIR) console.warn(SKIP_MESSAGE);

const LIMIT_MS = 10_000;
const LIMIT_MB = 1024;
/**
 * The target is an answer within 1 s (printed in the summary, met or not). The test fails at 5 s:
 * this process also lints and analyses every file in-process, and collecting that garbage, or a
 * loaded machine, can delay a probe past 1 s with the server idle, while the freeze this guards
 * against (rule checks on the main thread) held every request for 13 to 18 s.
 */
const HEALTH_TARGET_MS = 1000;
const HEALTH_LIMIT_MS = 5000;
const health = { requests: 0, slowestMs: 0, during: '' };
const scratch = mkdtempSync(join(tmpdir(), 'redliner-hostile-rules-'));
const rows: Array<{ file: string; lint: string; analyze: string; validate: string; save: string; ms: number[]; mb: number }> = [];

/** How many cases ended which way, over all four channels (a crash or hang also fails its test). */
function counts(): string {
  const outcomes = rows.flatMap((r) => [r.lint, r.analyze, r.validate, r.save]);
  const crashes = outcomes.filter((o) => /^(?:3 |5\d\d )/.test(o)).length;
  const hangs = rows.filter((r) => Math.max(...r.ms) >= LIMIT_MS).length;
  const located = outcomes.filter((o) => /[A-Z_]{4,}/.test(o)).length;
  return `cases: ${rows.length} files × 4 channels = ${outcomes.length}; located errors: ${located}; results: ${outcomes.length - located - crashes}; crashes: ${crashes}; hangs: ${hangs}; most memory: ${Math.max(0, ...rows.map((r) => r.mb))} MB; server health: ${health.requests} requests, slowest ${health.slowestMs} ms (during ${health.during || 'none'}; target ${HEALTH_TARGET_MS} ms: ${health.slowestMs < HEALTH_TARGET_MS ? 'met' : 'NOT met'})`;
}

afterAll(() => {
  if (rows.length) {
    const header = ['file', 'lint (exit, first error)', 'analyze', 'validate', 'save', 'ms lint/analyze/validate/save', 'MB'];
    const lines = rows.map((r) => [r.file, r.lint, r.analyze, r.validate, r.save, r.ms.map((m) => String(Math.round(m))).join('/'), String(r.mb)]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
    const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    console.log(['hostile rules:', fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt), counts()].join('\n'));
  }
  rmSync(scratch, { recursive: true, force: true });
});

/** About 90 pages of contract text: a real payer-dev contract's clauses repeated. */
function longContract(): string {
  const gold = JSON.parse(readFileSync(corpusPath('payer-dev', 'gold', readdirSync(corpusPath('payer-dev', 'gold')).find((f) => f.endsWith('.json'))!), 'utf8')) as { flags: Array<{ quote: string }>; decoys: Array<{ quote: string }> };
  const clauses = [...gold.flags, ...gold.decoys].map((q, i) => `${i + 1}. ${q.quote}`);
  const paragraphs: string[] = [];
  for (let round = 0; paragraphs.join('\n\n').length < 350_000; round++) for (const c of clauses) paragraphs.push(`${round}.${c}`);
  return paragraphs.join('\n\n');
}

const timed = async <T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> => {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
};
const firstCode = (errors: readonly RuleError[]) => errors[0]?.code ?? 'ok';

describe.skipIf(!SHARED_DIR)('hostile rule files', () => {
  const files = SHARED_DIR ? readdirSync(corpusPath('hostile', 'rules')).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  let app: Awaited<ReturnType<typeof buildApp>>;
  let text = '';
  beforeAll(async () => {
    app = await buildApp({ dataDir: join(scratch, 'data'), logger: false });
    text = longContract();
    // The server's first rule check starts its worker threads (about half a second of the main
    // thread on a busy machine, once per start): paid here, so the health probe measures the files.
    await app.inject({ method: 'POST', url: '/api/rules/validate', payload: { yaml: 'id: warm-up\n', file: 'warm-up.yaml' } });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('finds the corpus files', () => {
    expect(files.length).toBeGreaterThanOrEqual(39);
  });

  for (const file of files) {
    it(`${file}: a located error or a result, in time, through lint, analyze, validate and save`, async () => {
      const source = join(corpusPath('hostile', 'rules'), file);
      const dir = join(scratch, basename(file, '.yaml'));
      mkdirSync(dir);
      copyFileSync(source, join(dir, file));
      const yaml = readFileSync(source, 'utf8');
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

      let out = '';
      const lint = await timed(() => runCli(['rules', 'lint', dir], { out: (t) => void (out += t), err: (t) => void (out += t) }));
      expect(lint.value, out.slice(0, 500)).not.toBe(3);
      expect(out).not.toMatch(/internal error|\n\s+at /);
      const lintError = /\d+:\d+ ([A-Z_]+) /.exec(out)?.[1];

      const analysed = await timed(() => {
        const loaded = loadRuleset(dir);
        if (loaded.rules.length === 0) {
          expect(loaded.errors.length).toBeGreaterThan(0);
          expect(loaded.errors.every((e) => e.line >= 1 && e.col >= 1)).toBe(true);
          return firstCode(loaded.errors);
        }
        try {
          return `${analyze(textDocument(text), loaded.ruleset).findings.length} findings`;
        } catch (error) {
          if (!(error instanceof RuleTooSlowError)) throw error;
          expect(error.ruleError.line).toBeGreaterThanOrEqual(1);
          return error.ruleError.code;
        }
      });

      // A health request every 200 ms while the server checks and saves the file: the time from
      // when it was due to its answer says how long other users would wait.
      let checking = true;
      let slowestHere = 0;
      const prober = (async () => {
        while (checking) {
          const due = performance.now() + 200;
          await new Promise((resolve) => setTimeout(resolve, 200));
          const res = await app.inject('/api/storage');
          const waited = res.statusCode === 200 ? Math.round(performance.now() - due) : Number.POSITIVE_INFINITY;
          health.requests++;
          slowestHere = Math.max(slowestHere, waited);
          if (waited > health.slowestMs) Object.assign(health, { slowestMs: waited, during: file });
        }
      })();
      const validate = await timed(() => app.inject({ method: 'POST', url: '/api/rules/validate', payload: { yaml, file } }));
      expect(validate.value.statusCode, validate.value.body.slice(0, 300)).toBeLessThan(500);
      const checked = validate.value.json() as { valid?: boolean; errors?: Array<{ code: string; line: number }> };
      if (checked.valid === false) expect(checked.errors?.[0]?.line).toBeGreaterThanOrEqual(1);

      const id = /^id: *([a-z0-9-]+) *$/m.exec(yaml)?.[1] ?? basename(file, '.yaml');
      const save = await timed(() => app.inject({ method: 'PUT', url: `/api/rulesets/user:hostile/rules/${id}`, payload: { yaml } }));
      checking = false;
      await prober;
      clearInterval(sampler);
      const mb = Math.round((Math.max(peak, process.memoryUsage().rss) - baseline) / 1024 / 1024);
      expect(save.value.statusCode, save.value.body.slice(0, 300)).toBeLessThan(500);
      const saved = save.value.json() as { code?: string; errors?: Array<{ code: string; line: number }> };
      if (save.value.statusCode >= 400 && saved.errors) expect(saved.errors[0]!.line).toBeGreaterThanOrEqual(1);

      const ms = [lint.ms, analysed.ms, validate.ms, save.ms];
      const slowest = Math.max(...ms);
      rows.push({
        file,
        lint: `${lint.value} ${lintError ?? 'ok'}`,
        analyze: analysed.value,
        validate: checked.valid ? 'valid' : (checked.errors?.[0]?.code ?? String(validate.value.statusCode)),
        save: save.value.statusCode === 200 ? 'saved' : `${save.value.statusCode} ${saved.errors?.[0]?.code ?? saved.code}`,
        ms,
        mb,
      });
      expect(slowest, `${file}: slowest step`).toBeLessThan(LIMIT_MS);
      expect(mb, `${file}: memory added`).toBeLessThan(LIMIT_MB);
      expect(slowestHere, `${file}: a health request waited too long while the server checked it`).toBeLessThan(HEALTH_LIMIT_MS);
    }, 120_000);
  }
});
