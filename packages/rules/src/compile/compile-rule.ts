/**
 * Compiles one validated rule: its conditions, its section-title filters, and checks that the
 * message and redline texts only use placeholders the engine can fill.
 */
import type { CompiledRule, ConditionNode } from '../compiled-types.ts';
import { compileCondition, type CompileIssue, type LeafTable } from './compile-condition.ts';
import { findPlaceholders, MESSAGE_PLACEHOLDERS, TEXT_PLACEHOLDERS } from './placeholders.ts';
import type { RuleSpec } from '../load/rule-schema.ts';

function checkText(text: string | undefined, allowed: readonly string[], path: Array<string | number>, issues: CompileIssue[]): void {
  if (text === undefined) return;
  const bad = findPlaceholders(text).find((p) => !allowed.includes(p.name));
  if (bad) {
    issues.push({ code: 'RULE_UNKNOWN_PLACEHOLDER', path, message: `unknown placeholder {${bad.name}}; use ${allowed.map((p) => `{${p}}`).join(', ')}` });
  }
}

/** A case-insensitive test for any of `words` at the start of a word in a section title. */
export function titleWordsRegex(words: readonly string[] | undefined): RegExp | undefined {
  if (!words || words.length === 0) return undefined;
  const escaped = words.map((w) => w.trim().replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/\s+/g, '\\s+'));
  // Prefix match so "audit" also finds "Audits" and "Auditing".
  return new RegExp(`\\b(?:${escaped.join('|')})`, 'i');
}

/** Compile `spec` (already schema-valid) against the ruleset's leaf table. */
export function compileRule(spec: RuleSpec, file: string, line: number, table: LeafTable, issues: CompileIssue[]): CompiledRule | null {
  const before = issues.length;
  const match = compileCondition(spec.match, ['match'], table, issues);
  const when = spec.when ? compileCondition(spec.when, ['when'], table, issues) : undefined;
  const unless = (spec.unless ?? []).map((c, i) => compileCondition(c, ['unless', i], table, issues));
  const acceptable = spec.acceptable ? compileCondition(spec.acceptable, ['acceptable'], table, issues) : undefined;
  checkText(spec.message, MESSAGE_PLACEHOLDERS, ['message'], issues);
  checkText(spec.redline?.text, TEXT_PLACEHOLDERS, ['redline', 'text'], issues);
  checkText(spec.redline?.payerComment, TEXT_PLACEHOLDERS, ['redline', 'payerComment'], issues);
  spec.redline?.fallbacks?.forEach((text, i) => checkText(text, TEXT_PLACEHOLDERS, ['redline', 'fallbacks', i], issues));
  if (issues.length > before || !match || when === null || acceptable === null || unless.some((u) => u === null)) return null;

  const rule: CompiledRule = {
    id: spec.id,
    concept: spec.concept,
    title: spec.title,
    severity: spec.severity,
    scope: spec.scope,
    kind: spec.kind,
    file,
    line,
    match,
    unless: unless as ConditionNode[],
    unlessScope: spec['unless-scope'] ?? spec.scope,
    spec,
  };
  if (when) rule.when = when;
  if (acceptable) rule.acceptable = acceptable;
  const only = titleWordsRegex(spec.sections?.only);
  const prefer = titleWordsRegex(spec.sections?.prefer);
  if (only) rule.sectionOnly = only;
  if (prefer) rule.sectionPrefer = prefer;
  return rule;
}
