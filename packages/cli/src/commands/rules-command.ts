/** `redliner rules test [DIR]` and `redliner rules lint [DIR]` for rule authors. */
import { DEFAULT_RULESET_DIR, formatRuleError, rulesLint, rulesTest } from '@redliner/rules';
import { UsageError } from '../cli-error.ts';

/** Run a rules subcommand; returns stdout text and whether it passed. */
export async function rulesCommand(args: { sub: string | undefined; dir?: string }): Promise<{ output: string; ok: boolean }> {
  const dir = args.dir ?? DEFAULT_RULESET_DIR;
  if (args.sub === 'test') {
    const report = rulesTest(dir);
    const lines = [...report.errors.map(formatRuleError), ...report.failures.map((f) => `${formatRuleError(f)}\n    example: ${f.text.slice(0, 160)}${f.quotes.length ? `\n    flagged: ${f.quotes.map((q) => `“${q.slice(0, 120)}”`).join(', ')}` : ''}`)];
    const failed = report.examples - report.passed;
    lines.push(`${report.rules} rules, ${report.examples} examples: ${report.passed} passed, ${failed} failed${report.errors.length ? `, ${report.errors.length} rule file errors` : ''}`);
    return { output: `${lines.join('\n')}\n`, ok: report.ok };
  }
  if (args.sub === 'lint') {
    const report = rulesLint(dir);
    const lines = [...report.errors.map(formatRuleError), ...report.warnings.map((w) => `${formatRuleError(w)} (warning)`)];
    lines.push(`${report.rules} rules checked: ${report.errors.length} errors, ${report.warnings.length} warnings`);
    return { output: `${lines.join('\n')}\n`, ok: report.ok };
  }
  throw new UsageError(`unknown rules command "${args.sub ?? ''}". Use "redliner rules test [DIR]" or "redliner rules lint [DIR]".`);
}
