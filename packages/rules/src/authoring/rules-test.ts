/**
 * `rulesTest(dir)`: runs every rule's embedded examples. Each example becomes a tiny document;
 * a `flag` example must produce a finding from its rule and a `pass` example must not. Failures
 * point at the example's line in the rule file.
 */
import { readFileSync } from 'node:fs';
import type { ContractDocument } from '@redliner/parser';
import { analyze } from '../analysis/analyze.ts';
import { processCpuMs, RuleTooSlowError, type AnalyzeOptions } from '../analysis/rule-budget.ts';
import type { CompiledRule, Ruleset } from '../compiled-types.ts';
import type { RuleError } from '../errors.ts';
import { textDocument, type ExampleParties } from '../analysis/example-document.ts';
import { loadRuleset, type LoadOptions, type RuleSource } from '../load/load-ruleset.ts';
import { parseYamlFile } from '../load/parse-rule-file.ts';
import type { Finding } from '../types.ts';
import { positionOf } from '../load/yaml-positions.ts';

/** One example that did not behave as declared. */
export interface ExampleFailure extends RuleError {
  /** RULE_TOO_SLOW: the rule's examples together ran past their time budget; the rest were not run. */
  code: 'RULE_EXAMPLE_FAILED' | 'RULE_TOO_SLOW';
  ruleId: string;
  expect: 'flag' | 'pass';
  text: string;
  /** For a wrongly flagged pass example: what was flagged. */
  quotes: string[];
}

/** What `rulesTest` returns; the CLI only formats it. */
export interface RulesTestReport {
  ok: boolean;
  rules: number;
  examples: number;
  passed: number;
  failures: ExampleFailure[];
  /** Load errors: rules that could not be tested at all. */
  errors: RuleError[];
}

type Example = string | { text: string; quote?: string | undefined; parties?: ExampleParties | undefined };

/** Whitespace and quote styles do not matter when comparing a pinned quote. */
const squash = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();

function exampleDocument(example: Example): ContractDocument {
  return typeof example === 'string' ? textDocument(example) : textDocument(example.text, example.parties ?? {});
}

function ownFindings(rule: CompiledRule, ruleset: Ruleset, document: ContractDocument, options: AnalyzeOptions): Finding[] {
  // Only this rule runs, so a sibling rule of the same concept cannot hide its finding.
  return analyze(document, { ...ruleset, rules: [rule] }, options).findings.filter((f) => f.ruleId === rule.id);
}

/**
 * How long all the examples of one rule may take together: a backstop, since examples are
 * short (parse-rule-file.ts bounds their length). The bundled rules run 600 examples in a few
 * seconds in all, but a busy machine can stretch a rule's first examples (cold caches) past
 * a second or two, so the bound is generous.
 */
const EXAMPLES_BUDGET_MS = 10_000;

/**
 * Milliseconds since the call, as this process spent them: the lesser of wall-clock and CPU
 * time. On a machine busy with other work (CI, helpers running evals) the wall clock ran
 * 2–3× ahead of the work and stopped rules with many examples as too slow although they were
 * not; CPU time alone can run ahead of the wall clock when other threads of the process work.
 * An injected `now` (tests) is used as it is.
 */
function elapsedClock(options: AnalyzeOptions): () => () => number {
  const now = options.now ?? (() => performance.now());
  const cpu = options.cpuNow ?? (options.now ? undefined : processCpuMs);
  return () => {
    const wall = now();
    const used = cpu?.();
    return () => Math.min(now() - wall, used === undefined ? Infinity : cpu!() - used);
  };
}

/**
 * Run the examples of one loaded ruleset. Failures are located in the rule's file; pass the
 * `sources` the ruleset was built from when they are not on disk (the web rule editor).
 */
export function runExamples(ruleset: Ruleset, sources: readonly RuleSource[] = [], options: AnalyzeOptions = {}): { examples: number; failures: ExampleFailure[] } {
  const failures: ExampleFailure[] = [];
  let examples = 0;
  const yamlCache = new Map<string, ReturnType<typeof parseYamlFile>>();
  const budget = options.ruleBudgetMs ?? EXAMPLES_BUDGET_MS;
  const elapsed = elapsedClock(options);
  for (const rule of ruleset.rules) {
    const took = elapsed();
    let stopped = false;
    for (const expect of ['flag', 'pass'] as const) {
      (rule.spec.examples?.[expect] ?? []).forEach((example, i) => {
        if (stopped) return;
        examples++;
        const left = budget - took();
        let found: Finding[] | undefined;
        try {
          if (left > 0) found = ownFindings(rule, ruleset, exampleDocument(example), { ...options, ruleBudgetMs: left });
        } catch (error) {
          if (!(error instanceof RuleTooSlowError)) throw error;
        }
        if (!found) {
          stopped = true;
          failures.push({
            code: 'RULE_TOO_SLOW',
            file: rule.file,
            line: rule.line,
            col: 1,
            ruleId: rule.id,
            expect,
            text: typeof example === 'string' ? example : example.text,
            quotes: [],
            message: `${rule.id}: its examples took more than ${budget / 1000} s to run, so the rest were not run. Shorten the examples (a few sentences each) or simplify the rule's patterns.`,
          });
          return;
        }
        const pinned = typeof example === 'string' ? undefined : example.quote;
        const quoted = pinned === undefined || found.some((f) => squash(f.quote).includes(squash(pinned)));
        const ok = expect === 'flag' ? found.length > 0 && quoted : found.length === 0;
        if (ok) return;
        let yaml = yamlCache.get(rule.file);
        if (!yaml) {
          const text = sources.find((s) => s.file === rule.file)?.text ?? readFileSync(rule.file, 'utf8');
          yaml = parseYamlFile(rule.file, text);
          yamlCache.set(rule.file, yaml);
        }
        const { line, col } = positionOf(yaml.doc, yaml.lineCounter, ['examples', expect, i]);
        const text = typeof example === 'string' ? example : example.text;
        failures.push({
          code: 'RULE_EXAMPLE_FAILED',
          file: rule.file,
          line,
          col,
          ruleId: rule.id,
          expect,
          text,
          quotes: found.map((f) => f.quote),
          message:
            expect === 'pass'
              ? `${rule.id}: example should pass but was flagged: "${found[0]!.quote}"`
              : found.length === 0
                ? `${rule.id}: example should be flagged but was not`
                : `${rule.id}: example was flagged, but the finding quotes "${found[0]!.quote}" instead of text containing "${pinned}"`,
        });
      });
    }
  }
  return { examples, failures };
}

/** Load the ruleset in `dir` and run every embedded example. */
export function rulesTest(dir: string, options: LoadOptions = {}): RulesTestReport {
  const { ruleset, errors } = loadRuleset(dir, options);
  const { examples, failures } = runExamples(ruleset);
  return { ok: errors.length === 0 && failures.length === 0, rules: ruleset.rules.length, examples, passed: examples - failures.length, failures, errors };
}
