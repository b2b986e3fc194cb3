/**
 * `rulesLint(dir)`: validates every rule file (YAML, schema, patterns, placeholders, ids,
 * concepts) and warns about rules that cannot be trusted yet (no flag or pass example).
 */
import type { RuleError } from '../errors.ts';
import { loadRuleset, type LoadOptions } from '../load/load-ruleset.ts';
import type { Condition } from '../load/rule-schema.ts';

/** What `rulesLint` returns; the CLI only formats it. */
export interface RulesLintReport {
  ok: boolean;
  rules: number;
  errors: RuleError[];
  warnings: RuleError[];
}

/** Whether any condition of `condition` (nested included) has `reach`. */
function usesReach(condition: Condition | undefined): boolean {
  if (!condition) return false;
  if (condition.reach) return true;
  return [...(condition.all ?? []), ...(condition.any ?? []), ...(condition.not ? [condition.not] : [])].some(usesReach);
}

// Only sentences and clauses have a next sentence in their paragraph to reach into.
const REACH_SCOPES = new Set(['sentence', 'clause']);

/** Validate the ruleset in `dir`. */
export function rulesLint(dir: string, options: LoadOptions = {}): RulesLintReport {
  const { rules, errors } = loadRuleset(dir, options);
  const warnings: RuleError[] = [];
  for (const rule of rules) {
    const missing = (['flag', 'pass'] as const).filter((k) => (rule.spec.examples?.[k]?.length ?? 0) === 0);
    if (missing.length) {
      warnings.push({ code: 'RULE_NO_EXAMPLES', file: rule.file, line: rule.line, col: 1, ruleId: rule.id, message: `${rule.id} has no ${missing.join(' or ')} examples, so \`rules test\` cannot check it` });
    }
    const spec = rule.spec;
    const idle = [
      ...(REACH_SCOPES.has(spec.scope) ? [] : [{ scope: spec.scope, parts: [spec.match, spec.acceptable, spec.when] }]),
      ...(REACH_SCOPES.has(rule.unlessScope) ? [] : [{ scope: rule.unlessScope, parts: spec.unless ?? [] }]),
    ].find((u) => u.parts.some(usesReach));
    if (idle) {
      warnings.push({ code: 'RULE_NO_EFFECT', file: rule.file, line: rule.line, col: 1, ruleId: rule.id, message: `${rule.id}: \`reach: next-sentence\` does nothing in a ${idle.scope} (only sentences and clauses have a next sentence in their paragraph)` });
    }
  }
  return { ok: errors.length === 0, rules: rules.length, errors, warnings };
}
