/**
 * The top-level parts of a rule's `match`, and which of them hold in a unit of text. A rule
 * that almost matched is the best pointer to language the rules missed: the checklist lists
 * clauses where some parts hold, and an absence finding says which parts were found and which
 * are missing. Works on compiled conditions, so any way of writing words that compiles to
 * leaves (phrases, patterns, vocabulary classes, acts) is covered without knowing about it.
 */
import type { CompiledRule, ConditionNode } from '../compiled-types.ts';
import { evaluate, type Hit, type MatchContext } from './match-rule.ts';
import type { Condition } from '../load/rule-schema.ts';
import type { Span } from '../types.ts';

/** One condition that every match of an alternative needs. */
export interface RulePart {
  node: ConditionNode;
  /** The rule author's plain words for it (`describe:`), when given. */
  describe?: string;
  /** Its words alone: number tests and `not` dropped; null when it has no words (a bare number test, a `not`). */
  words: ConditionNode | null;
}

/** One way a rule's `match` can hold: every part in one unit (within `within` words when set). */
export interface RuleAlternative {
  parts: RulePart[];
  within?: number;
}

/** How one part fared in a unit. */
export interface PartResult {
  part: RulePart;
  /** The evidence when the part holds, else null. */
  hits: Hit[] | null;
  /** A `not` part that fails: what its condition found (the words that disqualify the unit). */
  against: Hit[];
}

/** Words only: the condition with number tests and negations left out (null when nothing is left). */
export function wordsOf(node: ConditionNode): ConditionNode | null {
  // Any node that names a leaf is words (phrases, patterns, acts and whatever else compiles to a leaf).
  if ('leaf' in node) return node;
  // Words read in the next sentence too are still the part's words (relatedness is per paragraph).
  if (node.type === 'reach') return wordsOf(node.child);
  if (node.type !== 'any' && node.type !== 'all') return null;
  const children = node.children.map(wordsOf).filter((c): c is ConditionNode => c !== null);
  if (children.length === 0) return null;
  return children.length === 1 ? children[0]! : { type: node.type, children };
}

/** Every leaf index a condition reads. */
export function leavesOf(node: ConditionNode, out: number[] = []): number[] {
  if ('leaf' in node) out.push(node.leaf);
  else if (node.type === 'any' || node.type === 'all') for (const child of node.children) leavesOf(child, out);
  else if (node.type === 'not' || node.type === 'reach') leavesOf(node.child, out);
  return out;
}

function part(node: ConditionNode, spec: Condition | undefined): RulePart {
  const out: RulePart = { node, words: wordsOf(node) };
  if (spec?.describe) out.describe = spec.describe;
  return out;
}

function alternative(node: ConditionNode, spec: Condition | undefined): RuleAlternative {
  // Compiled children line up with the written ones: `all`/`any` compile child by child.
  if (node.type === 'all' && spec?.all?.length === node.children.length) {
    const alt: RuleAlternative = { parts: node.children.map((child, i) => part(child, spec.all![i])) };
    if (node.within !== undefined) alt.within = node.within;
    return alt;
  }
  return { parts: [part(node, spec)] };
}

const cache = new WeakMap<CompiledRule, RuleAlternative[]>();

/** The ways `rule.match` can hold: the branches of a top-level `any`, or the rule's one condition. */
export function ruleAlternatives(rule: CompiledRule): RuleAlternative[] {
  const cached = cache.get(rule);
  if (cached) return cached;
  const spec = rule.spec.match;
  const node = rule.match;
  const list = node.type === 'any' && spec.any?.length === node.children.length ? node.children.map((child, i) => alternative(child, spec.any![i])) : [alternative(node, spec)];
  cache.set(rule, list);
  return list;
}

/** Which parts of `alt` hold in `unit`, with full semantics (numbers and negations included). */
export function partsHolding(alt: RuleAlternative, unit: Span, ctx: MatchContext): PartResult[] {
  return alt.parts.map((p) => {
    const hits = evaluate(p.node, unit, ctx);
    const against = hits === null && p.node.type === 'not' ? (evaluate(p.node.child, unit, ctx) ?? []) : [];
    return { part: p, hits, against };
  });
}

/** For each way `rule` can match, which of its parts hold in `unit` (e.g. a paragraph). */
export function ruleParts(rule: CompiledRule, unit: Span, ctx: MatchContext): Array<{ alternative: RuleAlternative; results: PartResult[] }> {
  return ruleAlternatives(rule).map((alt) => ({ alternative: alt, results: partsHolding(alt, unit, ctx) }));
}
