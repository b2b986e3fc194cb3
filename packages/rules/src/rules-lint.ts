/**
 * `rulesLint(dir)`: validates every rule file (YAML, schema, patterns, placeholders, ids,
 * concepts) and warns about rules that cannot be trusted yet (no flag or pass example).
 */
import type { RuleError } from './errors.ts';
import { loadRuleset, type LoadOptions } from './load-ruleset.ts';

/** What `rulesLint` returns; the CLI only formats it. */
export interface RulesLintReport {
  ok: boolean;
  rules: number;
  errors: RuleError[];
  warnings: RuleError[];
}

/** Validate the ruleset in `dir`. */
export function rulesLint(dir: string, options: LoadOptions = {}): RulesLintReport {
  const { rules, errors } = loadRuleset(dir, options);
  const warnings: RuleError[] = [];
  for (const rule of rules) {
    const missing = (['flag', 'pass'] as const).filter((k) => (rule.spec.examples?.[k]?.length ?? 0) === 0);
    if (missing.length) {
      warnings.push({ code: 'RULE_NO_EXAMPLES', file: rule.file, line: rule.line, col: 1, ruleId: rule.id, message: `${rule.id} has no ${missing.join(' or ')} examples, so \`rules test\` cannot check it` });
    }
  }
  return { ok: errors.length === 0, rules: rules.length, errors, warnings };
}
