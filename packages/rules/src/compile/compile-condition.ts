/**
 * Compiles a rule's conditions: phrases and patterns become entries of the ruleset's leaf
 * table (checked for syntax, safety and placeholders), number tests get their thresholds read.
 */
import type { Parties } from '@redliner/parser';
import type { ConditionNode, Leaf, NumericBounds } from '../compiled-types.ts';
import type { RuleErrorCode } from '../errors.ts';
import { parseDurationValue } from '../numbers/durations.ts';
import type { NumberKind } from '../numbers/extract-numbers.ts';
import type { ActorRole } from '../load/rule-schema.ts';
import { phraseSource } from '../vocabulary/phrase-source.ts';
import { classExpander, expandPatternClasses, type ExpansionProblem, type Vocabulary } from '../vocabulary/vocabulary.ts';
import { findPlaceholders, PATTERN_PLACEHOLDERS, POSSESSIVE_PLACEHOLDERS, resolvePatternPlaceholders } from './placeholders.ts';
import type { Condition } from '../load/rule-schema.ts';
import { rememberChecked, wasChecked } from './checked-patterns.ts';
import { compileSafePattern, LEAF_FLAGS } from './safe-pattern.ts';

/** A compile problem at a path inside the rule (mapped to line:col by the loader). */
export interface CompileIssue {
  code: RuleErrorCode;
  path: Array<string | number>;
  message: string;
}

/** The ruleset's leaf table while rules are being compiled, with the vocabulary `{class}` expands from. */
export interface LeafTable {
  leaves: Leaf[];
  index: Map<string, number>;
  expand: (name: string) => string | null;
  problems: ExpansionProblem[];
}

/** An empty leaf table over `vocabulary`. */
export function newLeafTable(vocabulary: Vocabulary = new Map()): LeafTable {
  const problems: ExpansionProblem[] = [];
  return { leaves: [], index: new Map(), expand: classExpander(vocabulary, problems), problems };
}

/** Expand vocabulary classes in `value`, reporting unknown classes and loops at `path`. */
function expanded(table: LeafTable, value: string, toSource: (s: string, expand: LeafTable['expand']) => string, path: Array<string | number>, issues: CompileIssue[]): string {
  const before = table.problems.length;
  const source = toSource(value, table.expand);
  for (const problem of table.problems.slice(before)) issues.push({ code: 'RULE_UNKNOWN_PLACEHOLDER', path, message: problem.message });
  return source;
}

// Validation resolves placeholders with representative terms: the real terms are literal words,
// so if the pattern compiles with these it compiles with any contract's.
const SAMPLE_PARTIES: Parties = {
  payer: { role: 'payer', terms: ['Plan', 'Health Plan'], evidence: [] },
  provider: { role: 'provider', terms: ['Provider'], evidence: [] },
  detected: false,
};

function addLeaf(table: LeafTable, source: string, path: Array<string | number>, issues: CompileIssue[]): number | null {
  const known = table.index.get(source);
  if (known !== undefined) return known;
  const allowed: readonly string[] = [...PATTERN_PLACEHOLDERS, ...POSSESSIVE_PLACEHOLDERS];
  const unknown = findPlaceholders(source).filter((p) => !allowed.includes(p.name));
  if (unknown.length > 0) {
    issues.push({ code: 'RULE_UNKNOWN_PLACEHOLDER', path, message: `unknown placeholder {${unknown[0]!.name}}; patterns may use ${PATTERN_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}` });
    return null;
  }
  const hasPlaceholder = findPlaceholders(source).length > 0;
  const checked = hasPlaceholder ? resolvePatternPlaceholders(source, SAMPLE_PARTIES) : source;
  let leaf: Leaf = { source, hasPlaceholder };
  // A pattern that passed in an earlier run is not compiled again here: a plain one compiles on
  // first use (leaf-hits.ts), and most contracts use fewer than half of them.
  if (!wasChecked(checked, LEAF_FLAGS)) {
    const compiled = compileSafePattern(checked, LEAF_FLAGS);
    if (!compiled.ok) {
      issues.push({ code: compiled.code, path, message: compiled.message });
      return null;
    }
    rememberChecked(checked, LEAF_FLAGS);
    if (!hasPlaceholder) leaf = { ...leaf, regex: compiled.regex };
  }
  table.leaves.push(leaf);
  table.index.set(source, table.leaves.length - 1);
  return table.leaves.length - 1;
}

function leafNodes(values: string | string[], toSource: (s: string, expand: LeafTable['expand']) => string, table: LeafTable, path: Array<string | number>, issues: CompileIssue[], who?: ActorRole[]): ConditionNode | null {
  const list = typeof values === 'string' ? [values] : values;
  const nodes: ConditionNode[] = [];
  // Two entries that compile to one pattern (phrases differing only in spacing) are one child:
  // a list of 16,000 spellings of 8 phrases must not hand back each hit 2,000 times.
  const used = new Set<number>();
  let compiled = 0;
  list.forEach((value, i) => {
    const at = typeof values === 'string' ? path : [...path, i];
    const before = issues.length;
    const source = expanded(table, value, toSource, at, issues);
    const leaf = issues.length === before ? addLeaf(table, source, at, issues) : null;
    if (leaf === null) return;
    compiled++;
    if (used.has(leaf)) return;
    used.add(leaf);
    nodes.push(who ? { type: 'act', leaf, who } : { type: 'leaf', leaf });
  });
  if (compiled !== list.length) return null;
  return nodes.length === 1 ? nodes[0]! : { type: 'any', children: nodes };
}

const BOUND_KEYS = [['less-than', 'lessThan'], ['at-most', 'atMost'], ['more-than', 'moreThan'], ['at-least', 'atLeast']] as const;

function numberNode(kind: NumberKind, spec: Record<string, unknown>, path: Array<string | number>, issues: CompileIssue[]): ConditionNode | null {
  const bounds: NumericBounds = {};
  for (const [key, field] of BOUND_KEYS) {
    const raw = spec[key];
    if (raw === undefined) continue;
    const value = kind === 'duration' ? parseDurationValue(String(raw)) : Number(raw);
    if (value === null || Number.isNaN(value)) {
      issues.push({ code: 'RULE_BAD_VALUE', path: [...path, key], message: `cannot read ${kind} "${String(raw)}"` });
      return null;
    }
    bounds[field] = value;
  }
  return { type: 'number', kind, bounds };
}

/** Compile one validated condition into a node, or null after recording issues. */
export function compileCondition(condition: Condition, path: Array<string | number>, table: LeafTable, issues: CompileIssue[]): ConditionNode | null {
  const node = compileBare(condition, path, table, issues);
  return node && condition.reach ? { type: 'reach', child: node, to: condition.reach } : node;
}

function compileBare(condition: Condition, path: Array<string | number>, table: LeafTable, issues: CompileIssue[]): ConditionNode | null {
  if (condition.phrase !== undefined) return leafNodes(condition.phrase, phraseSource, table, [...path, 'phrase'], issues);
  if (condition.pattern !== undefined) return leafNodes(condition.pattern, expandPatternClasses, table, [...path, 'pattern'], issues);
  if (condition.does !== undefined) {
    const who = typeof condition.who === 'string' ? [condition.who] : (condition.who ?? []);
    return leafNodes(condition.does, phraseSource, table, [...path, 'does'], issues, who);
  }
  for (const kind of ['duration', 'percent', 'money', 'year'] as const) {
    const spec = condition[kind];
    if (spec !== undefined) return numberNode(kind, spec, [...path, kind], issues);
  }
  if (condition.not !== undefined) {
    const child = compileCondition(condition.not, [...path, 'not'], table, issues);
    const scope = condition['not-in'];
    return child && (scope ? { type: 'not', child, scope } : { type: 'not', child });
  }
  const key = condition.all !== undefined ? 'all' : 'any';
  const list = condition.all ?? condition.any ?? [];
  const children = list.map((c, i) => compileCondition(c, [...path, key, i], table, issues));
  if (children.some((c) => c === null)) return null;
  const nodes = children as ConditionNode[];
  if (key === 'any') return { type: 'any', children: nodes };
  const node: ConditionNode = condition.within !== undefined ? { type: 'all', children: nodes, within: condition.within } : { type: 'all', children: nodes };
  return condition['numbers-of-act'] ? { ...node, numbersOfAct: true } : node;
}
