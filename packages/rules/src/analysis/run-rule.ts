/**
 * Runs one compiled rule over a document: which units it flags (presence), which units show
 * acceptable language, and for absence rules whether the protective language is there.
 */
import type { CompiledRule, ConditionNode } from '../compiled-types.ts';
import { anchorHits, evaluate, type Hit, type MatchContext } from '../match/match-rule.ts';
import type { RuleScope } from '../load/rule-schema.ts';
import { unitIndexAt } from '../match/spans.ts';
import { deniedCells, outsideCells } from './denied-cells.ts';
import type { Span } from '../types.ts';

/** A unit and the evidence that made a condition hold there. */
export interface UnitMatch {
  unit: Span;
  hits: Hit[];
}

/** What one rule found. */
export interface RuleOutcome {
  rule: CompiledRule;
  /** Presence: the flagged units. */
  matches: UnitMatch[];
  /** Acceptable language: presence rules' `acceptable` or excused matches; absence rules' protective language. */
  evidence: UnitMatch | null;
  /** Absence: every unit where the protective language was found (the first is `evidence`), at most SATISFIED_LIMIT. */
  satisfiedBy: UnitMatch[];
  /** Absence: false when `when` found nothing, so the rule does not apply to this contract. */
  applies: boolean;
  /** Absence: the unit where `when` matched (used to place the insertion). */
  anchor: Span | null;
  /** How many units were in scope (after section filters), for the checklist. */
  searched: number;
}

const inside = (hit: Span, span: Span) => hit.start >= span.start && hit.end <= span.end;

/**
 * `evaluate`, except that evidence found in the label of a cell answered "none", "no" or "not
 * permitted" does not count (denied-cells.ts): the condition must then hold outside those cells.
 */
function evaluateUndenied(node: ConditionNode, unit: Span, ctx: MatchContext): Hit[] | null {
  const hits = evaluate(node, unit, ctx);
  if (!hits || hits.length === 0) return hits;
  const cells = deniedCells(ctx.facts.text, unit);
  if (cells.length === 0) return hits;
  const inLabel = hits.some((hit) => cells.some((cell) => inside(hit, cell.label)));
  const readsAnswer = hits.some((hit) => cells.some((cell) => hit.end > cell.answer.start && hit.start < cell.answer.end));
  if (!inLabel || readsAnswer) return hits;
  for (const part of outsideCells(unit, cells)) {
    const again = evaluate(node, part, ctx);
    if (again && again.length > 0) return again;
  }
  return null;
}

function inSections(rule: CompiledRule, unit: Span, ctx: MatchContext): boolean {
  return !rule.sectionOnly || rule.sectionOnly.test(ctx.facts.sectionTitles(unit.start));
}

function candidates(node: ConditionNode, scope: RuleScope, rule: CompiledRule, ctx: MatchContext): Span[] {
  const units = ctx.facts.units(scope);
  const anchors = anchorHits(node, ctx);
  let list: Span[];
  if (!anchors) {
    list = units;
  } else {
    const indexes = new Set<number>();
    for (const hits of anchors) {
      for (const hit of hits) {
        const i = unitIndexAt(units, hit.start);
        if (i >= 0) indexes.add(i);
      }
    }
    list = [...indexes].sort((a, b) => a - b).map((i) => units[i]!);
  }
  return rule.sectionOnly ? list.filter((u) => inSections(rule, u, ctx)) : list;
}

function firstMatch(node: ConditionNode, scope: RuleScope, rule: CompiledRule, ctx: MatchContext): UnitMatch | null {
  for (const unit of candidates(node, scope, rule, ctx)) {
    ctx.clock?.tick();
    const hits = evaluate(node, unit, ctx);
    if (hits) return { unit, hits };
  }
  return null;
}

function excused(rule: CompiledRule, unit: Span, ctx: MatchContext): UnitMatch | null {
  if (rule.unless.length === 0) return null;
  const outer = rule.unlessScope === rule.scope ? unit : ctx.facts.units(rule.unlessScope)[unitIndexAt(ctx.facts.units(rule.unlessScope), unit.start)];
  if (!outer) return null;
  for (const node of rule.unless) {
    const hits = evaluate(node, outer, ctx);
    if (hits) return { unit, hits };
  }
  return null;
}

function searchedCount(rule: CompiledRule, ctx: MatchContext): number {
  const units = ctx.facts.units(rule.scope);
  return rule.sectionOnly ? units.filter((u) => inSections(rule, u, ctx)).length : units.length;
}

/** How many satisfying units an absence rule lists: enough to show a reader every protection a contract has. */
export const SATISFIED_LIMIT = 20;

// Every unit where an absence rule's protective language holds, not just the first: a weak or
// wrong "protection" found first would otherwise hide the others, and the reason the checklist
// says "found".
function allMatches(node: ConditionNode, scope: RuleScope, rule: CompiledRule, ctx: MatchContext): UnitMatch[] {
  const out: UnitMatch[] = [];
  for (const unit of candidates(node, scope, rule, ctx)) {
    ctx.clock?.tick();
    const hits = evaluateUndenied(node, unit, ctx);
    if (hits) out.push({ unit, hits });
    if (out.length >= SATISFIED_LIMIT) break;
  }
  return out;
}

/** Run `rule` over the document described by `ctx`. */
export function runRule(rule: CompiledRule, ctx: MatchContext): RuleOutcome {
  const outcome: RuleOutcome = { rule, matches: [], evidence: null, satisfiedBy: [], applies: true, anchor: null, searched: searchedCount(rule, ctx) };
  if (rule.kind === 'absence') {
    outcome.satisfiedBy = allMatches(rule.match, rule.scope, rule, ctx);
    outcome.evidence = outcome.satisfiedBy[0] ?? null;
    if (!outcome.evidence && rule.when) {
      const when = firstMatch(rule.when, rule.scope, rule, ctx);
      outcome.applies = when !== null;
      outcome.anchor = when?.unit ?? null;
    }
    return outcome;
  }
  for (const unit of candidates(rule.match, rule.scope, rule, ctx)) {
    ctx.clock?.tick();
    const hits = evaluateUndenied(rule.match, unit, ctx);
    if (!hits) continue;
    const excuse = excused(rule, unit, ctx);
    if (excuse) outcome.evidence ??= excuse;
    else outcome.matches.push({ unit, hits });
  }
  if (outcome.matches.length === 0 && rule.acceptable) {
    outcome.evidence = firstMatch(rule.acceptable, rule.scope, rule, ctx) ?? outcome.evidence;
  }
  return outcome;
}
