/**
 * Evaluates a compiled condition in one unit of text (a sentence, paragraph, section or the
 * document). A satisfied condition returns the spans that satisfied it (its evidence); an
 * unsatisfied one returns null.
 */
import type { ConditionNode, NumericBounds } from '../compiled-types.ts';
import type { DocumentFacts } from './document-facts.ts';
import { DAY_TOLERANCE } from '../numbers/durations.ts';
import type { NumberKind } from '../numbers/extract-numbers.ts';
import { closeTogether } from './proximity.ts';
import { clauseAround, conjunctAround, inConjunctOf } from './conjuncts.ts';
import { actorOf } from '../actors/actor-of.ts';
import type { RuleClock } from '../analysis/rule-budget.ts';
import type { ActorRole } from '../load/rule-schema.ts';
import { appendAll, lowerBound, unitIndexAt, within } from './spans.ts';
import type { Span } from '../types.ts';

/**
 * Evidence for a condition; `number` marks spans that came from a number test (redline target),
 * `act` the spans of a who-does-what act (what a scoped `not` reads around).
 */
export interface Hit extends Span {
  number?: boolean;
  act?: boolean;
}

/** What condition evaluation needs about the document. */
export interface MatchContext {
  facts: DocumentFacts;
  leafHits: Span[][];
  /** Counts the running rule's time against its budget (analysis only). */
  clock?: RuleClock;
}

function meets(value: number, bounds: NumericBounds, kind: NumberKind): boolean {
  const tol = kind === 'duration' ? DAY_TOLERANCE : 1e-9;
  if (bounds.lessThan !== undefined && !(value < bounds.lessThan - tol)) return false;
  if (bounds.atMost !== undefined && !(value <= bounds.atMost + tol)) return false;
  if (bounds.moreThan !== undefined && !(value > bounds.moreThan + tol)) return false;
  if (bounds.atLeast !== undefined && !(value >= bounds.atLeast - tol)) return false;
  return true;
}

/** Evaluate `node` in `unit`: the evidence spans, or null when the condition does not hold. */
export function evaluate(node: ConditionNode, unit: Span, ctx: MatchContext): Hit[] | null {
  switch (node.type) {
    case 'leaf': {
      const hits = within(ctx.leafHits[node.leaf]!, unit);
      return hits.length ? hits : null;
    }
    case 'act': {
      const hits = within(ctx.leafHits[node.leaf]!, unit).filter((hit) => performedBy(hit, node.who, ctx));
      return hits.length ? hits.map((hit) => ({ start: hit.start, end: hit.end, act: true })) : null;
    }
    case 'number': {
      const hits = ctx.facts.numbersIn(node.kind, unit).filter((n) => meets(n.value, node.bounds, node.kind));
      return hits.length ? hits.map((n) => ({ start: n.start, end: n.end, number: true })) : null;
    }
    case 'not':
      return evaluate(node.child, unit, ctx) ? null : [];
    case 'reach':
      return evaluate(node.child, withNextSentence(unit, ctx), ctx);
    case 'any': {
      // Collected, then joined once: concatenating per child copied the evidence so far each
      // time, quadratic in a long phrase list.
      let found: Hit[][] | null = null;
      for (const child of node.children) {
        const hits = evaluate(child, unit, ctx);
        if (hits) (found ??= []).push(hits);
      }
      return found && (found.length === 1 ? found[0]! : found.flat());
    }
    case 'all': {
      const lists: Hit[][] = [];
      for (const child of node.children) {
        // A scoped `not` is read once the acts it reads around are known (below).
        const hits = child.type === 'not' && child.scope ? [] : evaluate(child, unit, ctx);
        if (!hits) return null;
        lists.push(hits);
      }
      if (!keepActsClearOfScopedNots(node.children, lists, unit, ctx)) return null;
      if (node.numbersOfAct && !keepNumbersOfActs(node.children, lists, ctx)) return null;
      if (node.within === undefined) return lists.flat();
      // `not` children have no position; proximity applies to the others.
      const placed = lists.filter((l) => l.length > 0);
      if (placed.length < 2) return lists.flat();
      const chosen = closeTogether(placed, node.within, ctx.facts.wordStarts(), ctx.clock);
      if (!chosen) return null;
      // A nested `all … within` is one group already chosen for closeness: keep it whole, or its
      // number (the redline's target: "within thirty (30) days") could be left out of the evidence.
      const groups = node.children.flatMap((child, i) => (child.type === 'all' && child.within !== undefined ? lists[i]! : []));
      return groups.length === 0 ? chosen : [...new Set([...chosen, ...groups])].sort((a, b) => a.start - b.start);
    }
  }
}

/**
 * Scoped `not` children (`not-in: conjunct | clause`): an act of the other children's evidence
 * stands only when no scoped `not` condition holds in its conjunct or clause, so a negation in
 * one predicate ("... and shall not reduce rates without consent") leaves the act of another
 * alone. Blocked acts leave the evidence; false when none is left, or when a child's evidence
 * was only blocked acts. With no act in the evidence, a scoped `not` reads the whole unit.
 */
function keepActsClearOfScopedNots(children: readonly ConditionNode[], lists: Hit[][], unit: Span, ctx: MatchContext): boolean {
  const scoped = children.flatMap((child) => (child.type === 'not' && child.scope ? [child] : []));
  if (scoped.length === 0) return true;
  const acts = new Set(lists.flat().filter((hit) => hit.act));
  if (acts.size === 0) return scoped.every((not) => !evaluate(not.child, unit, ctx));
  const sentences = ctx.facts.units('sentence');
  const mentions = ctx.facts.mentions();
  const namesParty = (offset: number, length: number) => (mentions[lowerBound(mentions, offset)]?.start ?? Infinity) < offset + length;
  for (const act of acts) {
    const sentence = sentences[unitIndexAt(sentences, act.start)] ?? unit;
    for (const not of scoped) {
      const around = not.scope === 'clause' ? clauseAround(ctx.facts.text, act, sentence) : conjunctAround(ctx.facts.text, act, sentence, namesParty);
      const span = { start: Math.max(around.start, unit.start), end: Math.min(around.end, unit.end) };
      if (evaluate(not.child, span, ctx)) {
        acts.delete(act);
        break;
      }
    }
  }
  if (acts.size === 0) return false;
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i]!;
    if (!list.some((hit) => hit.act)) continue;
    const kept = list.filter((hit) => !hit.act || acts.has(hit));
    if (kept.length === 0) return false;
    lists[i] = kept;
  }
  return true;
}

/**
 * `numbers-of-act`: drop number evidence that is not in the conjunct of one of the act hits
 * (conjuncts.ts). False when a child is left with no evidence, so the `all` fails.
 */
function keepNumbersOfActs(children: readonly ConditionNode[], lists: Hit[][], ctx: MatchContext): boolean {
  const acts = children.flatMap((child, i) => (isAct(child) ? lists[i]! : []));
  if (acts.length === 0) return true;
  const text = ctx.facts.text;
  const sentences = ctx.facts.units('sentence');
  // A conjunct never runs past its sentence: read with `reach: next-sentence`, an act of one
  // sentence must not claim a number of the next.
  const sameSentence = (a: Span, b: Span) => unitIndexAt(sentences, a.start) === unitIndexAt(sentences, b.start);
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i]!;
    if (isAct(children[i]!) || !list.some((h) => h.number)) continue;
    const kept = list.filter((h) => !h.number || acts.some((act) => sameSentence(h, act) && inConjunctOf(text, h, act)));
    if (kept.length === 0) return false;
    lists[i] = kept;
  }
  return true;
}

/** An act, or a choice among acts (`does` with several phrases). */
function isAct(node: ConditionNode): boolean {
  return node.type === 'act' || (node.type === 'any' && node.children.length > 0 && node.children.every((c) => c.type === 'act'));
}

/**
 * `unit` and the sentence right after it, when that sentence is in the same paragraph (a
 * paragraph or wider unit has none). Where `reach: next-sentence` reads its condition.
 */
function withNextSentence(unit: Span, ctx: MatchContext): Span {
  const sentences = ctx.facts.units('sentence');
  const paragraphs = ctx.facts.units('paragraph');
  const next = sentences[unitIndexAt(sentences, Math.max(unit.start, unit.end - 1)) + 1];
  if (!next || next.start < unit.end || unitIndexAt(paragraphs, next.start) !== unitIndexAt(paragraphs, unit.start)) return unit;
  return { start: unit.start, end: next.end };
}

const ROLE_OF = { payer: 'payer', provider: 'provider', mutual: 'both', unnamed: 'unnamed' } as const;

/** Whether one of `who` performs the act at `hit`, in a clause that does not negate it. */
function performedBy(hit: Span, who: readonly ActorRole[], ctx: MatchContext): boolean {
  const paragraphs = ctx.facts.units('paragraph');
  const paragraph = paragraphs[unitIndexAt(paragraphs, hit.start)];
  const sentences = paragraph ? within(ctx.facts.units('sentence'), paragraph) : [];
  const reading = actorOf(ctx.facts.text, hit, sentences, ctx.facts.mentions());
  if (reading.negated || reading.caption || reading.role === 'outsider') return false;
  return who.includes(ROLE_OF[reading.role]);
}

/** Where a condition can possibly hold: the hit lists one of which must occur, or null for "anywhere". */
export function anchorHits(node: ConditionNode, ctx: MatchContext): Span[][] | null {
  switch (node.type) {
    case 'leaf':
    case 'act':
      return [ctx.leafHits[node.leaf]!];
    case 'number':
      return [ctx.facts.numbers(node.kind)];
    // What a `reach` finds may lie in the next sentence, outside the unit its hit would pick.
    case 'not':
    case 'reach':
      return null;
    case 'any': {
      const lists: Span[][] = [];
      for (const child of node.children) {
        const sub = anchorHits(child, ctx);
        if (!sub) return null;
        appendAll(lists, sub);
      }
      return lists;
    }
    case 'all': {
      // Any one required child bounds the candidates; take the one with the fewest hits. Reading
      // a kind of number means scanning the whole text, so children without number tests are
      // tried first: the candidates differ, but every unit where `all` holds is among either.
      return fewestAnchors(node.children.filter((c) => !testsNumbers(c)), ctx) ?? fewestAnchors(node.children.filter(testsNumbers), ctx);
    }
  }
}

function testsNumbers(node: ConditionNode): boolean {
  switch (node.type) {
    case 'leaf':
    case 'act':
      return false;
    case 'number':
      return true;
    case 'not':
    case 'reach':
      return testsNumbers(node.child);
    case 'any':
    case 'all':
      return node.children.some(testsNumbers);
  }
}

function fewestAnchors(children: readonly ConditionNode[], ctx: MatchContext): Span[][] | null {
  let best: Span[][] | null = null;
  let bestCount = Infinity;
  for (const child of children) {
    const sub = anchorHits(child, ctx);
    if (!sub) continue;
    const count = sub.reduce((n, l) => n + l.length, 0);
    if (count < bestCount) {
      best = sub;
      bestCount = count;
    }
  }
  return best;
}
