/**
 * Clauses related to a concept that no rule detected, so the checklist can say "review these"
 * instead of a blank "not found". Everything comes from what the ruleset already says about the
 * concept: its rules' section-title words (`sections.prefer`/`only`) and the words of their
 * conditions. A clause where part of a rule's `match` holds ("without cause" but not the
 * payer's right to terminate) is the likeliest place of a risk worded in a way the rules miss.
 */
import { sectionPath, type Section } from '@redliner/parser';
import type { CompiledRule, ConditionNode } from '../compiled-types.ts';
import { excerpt, hitWords, quoted } from './excerpt.ts';
import { readerLocation } from './findings.ts';
import type { MatchContext } from '../match/match-rule.ts';
import { paragraphIndex, type ParagraphIndex } from '../match/paragraph-index.ts';
import { leavesOf, partsHolding, ruleAlternatives, type RuleAlternative } from '../match/rule-parts.ts';
import { hullOf, lowerBound, within } from '../match/spans.ts';
import type { RelatedClause, Span } from '../types.ts';

/** How many related clauses a checklist entry lists. */
export const RELATED_LIMIT = 8;
// Paragraphs related only by their heading: at most this many per heading (and as many in all
// for enclosing headings), so one long section does not crowd out the rest.
const PER_HEADING = 2;

// Without a part rare enough to name the topic, a clause needs this much of a rule's weight to count.
const SHARE_WITHOUT_TOPIC = 0.5;

interface Candidate {
  index: number;
  /** How much of a rule's `match` holds here (0–1): its weighted share, more with a part that names the topic. */
  parts: number;
  /** Heading relatedness: 1 for the clause's own heading, less for an enclosing one or a word prefix. */
  heading: number;
  title?: string;
  headingKey?: number;
  /** The rare words that hold here (their hits are read only for the clauses listed). */
  words: Set<ConditionNode>;
  /** Alternatives that relate the clause and whose parts are described (`describe:`), to say what it has and lacks. */
  described: Set<RuleAlternative>;
}

/** Whether `held` of a rule's `total` parts (weighing `share`) relate a clause without a part that names the topic. */
function enough(held: number, total: number, share: number, index: ParagraphIndex): boolean {
  if (index.knowsRarity) return share >= SHARE_WITHOUT_TOPIC;
  // A short text gives no word frequencies: more than half of the parts must hold, and two at least unless there is one.
  return total === 1 ? held === 1 : held >= 2 && held / total > 0.5;
}

function candidate(map: Map<number, Candidate>, index: number): Candidate {
  let c = map.get(index);
  if (!c) {
    c = { index, parts: 0, heading: 0, words: new Set(), described: new Set() };
    map.set(index, c);
  }
  return c;
}

function rareHits(node: ConditionNode, paragraph: Span, ctx: MatchContext): Span[] {
  return leavesOf(node).flatMap((leaf) => within(ctx.leafHits[leaf] ?? [], paragraph));
}

/** (b) Paragraphs where some of a rule's required parts hold, at least one of them not too common. */
function byConditions(rules: readonly CompiledRule[], ctx: MatchContext, index: ParagraphIndex, out: Map<number, Candidate>): void {
  for (const rule of rules) {
    for (const alt of ruleAlternatives(rule)) {
      const parts = alt.parts.filter((p) => p.words !== null);
      if (parts.length === 0) continue;
      const holds = parts.map((p) => index.where(p.words!));
      // Rarer parts say more: "prior authorization" names the topic, "may" only the shape of the risk.
      const weights = parts.map((p) => index.weight(p.words!));
      const total = weights.reduce((a, b) => a + b, 0);
      if (total <= 0) continue;
      // The rarest part names the rule's topic, unless a part is nowhere in the contract: then the
      // distinctive words are missing and what is left ("action", "courts") is only context.
      const rarest = Math.min(...holds.map((set) => set.size));
      const telling = holds.map((set) => index.namesTopic(set.size, set.size === rarest));
      const rare = parts.map((p) => {
        const node = index.rare(p.words!);
        const where = node ? index.where(node) : new Set<number>();
        return { node, where: index.isCommon(where.size) ? new Set<number>() : where };
      });
      const places = new Set(rare.flatMap((r) => [...r.where]));
      for (const i of places) {
        if (index.isHeading(i)) continue;
        const share = weights.reduce((sum, w, k) => sum + (holds[k]!.has(i) ? w : 0), 0) / total;
        const named = holds.some((set, k) => telling[k] && set.has(i));
        if (!named && !enough(holds.filter((set) => set.has(i)).length, parts.length, share, index)) continue;
        const c = candidate(out, i);
        c.parts = Math.max(c.parts, (share + (named ? 1 : 0)) / 2);
        if (alt.parts.some((p) => p.describe)) c.described.add(alt);
        for (const r of rare) if (r.node && r.where.has(i)) c.words.add(r.node);
      }
    }
  }
}

function matchingSections(sections: readonly Section[], tests: readonly RegExp[], out: Section[] = []): Section[] {
  for (const s of sections) {
    if (tests.some((t) => t.test(s.title))) out.push(s);
    matchingSections(s.children, tests, out);
  }
  return out;
}

/** "term" in "Term of Agreement" is the word itself; in "Termination" only its start. */
function wholeWord(title: string, tests: readonly RegExp[]): boolean {
  return tests.some((t) => {
    const m = t.exec(title);
    return m !== null && !/\p{L}/u.test(title.charAt(m.index + m[0].length));
  });
}

/** (a) Paragraphs under a section whose title has one of the rules' section words. */
function byHeadings(rules: readonly CompiledRule[], ctx: MatchContext, index: ParagraphIndex, out: Map<number, Candidate>): void {
  const tests = [...new Map(rules.flatMap((r) => [r.sectionOnly, r.sectionPrefer]).filter((t): t is RegExp => t !== undefined).map((t) => [t.source, t])).values()];
  if (tests.length === 0) return;
  const document = ctx.facts.document;
  for (const section of matchingSections(document.sections, tests)) {
    const members: number[] = [];
    for (let i = lowerBound(index.paragraphs, section.start); i < index.paragraphs.length && index.paragraphs[i]!.start < section.end; i++) {
      if (!index.isHeading(i)) members.push(i);
    }
    // A heading over much of the contract ("Terms and Conditions") says nothing about a clause.
    if (index.isCommon(members.length)) continue;
    const whole = wholeWord(section.title, tests);
    for (const i of members) {
      const inner = sectionPath(document, index.paragraphs[i]!.start).at(-1) === section;
      const score = (inner ? 1 : 0.5) * (whole ? 1 : 0.75);
      const c = candidate(out, i);
      if (score > c.heading) {
        c.heading = score;
        c.title = section.title;
        // Clauses related only through an enclosing heading ("General Provisions") share one quota.
        c.headingKey = inner ? section.start : -1;
      }
    }
  }
}

/** What the rule authors' descriptions say the clause has and lacks, read with every condition (numbers and `not` too). */
function described(c: Candidate, span: Span, ctx: MatchContext): { has: string[]; lacks: string[] } {
  const has = new Set<string>();
  const lacks = new Set<string>();
  for (const alt of c.described) {
    for (const r of partsHolding(alt, span, ctx)) {
      if (!r.part.describe) continue;
      if (r.hits !== null && r.part.words !== null) has.add(r.part.describe);
      else if (r.hits === null) lacks.add(r.against.length ? `${r.part.describe} (it says ${quoted(hitWords(ctx.facts.text, r.against, 1))})` : r.part.describe);
    }
  }
  return { has: [...has], lacks: [...lacks].filter((d) => !has.has(d)) };
}

function why(c: Candidate, span: Span, hits: readonly Span[], ctx: MatchContext): string {
  const parts: string[] = [];
  if (c.title) parts.push(`heading: ${c.title}`);
  const { has, lacks } = described(c, span, ctx);
  if (has.length) parts.push(`has: ${has.join(', ')}`);
  const words = hitWords(ctx.facts.text, hits);
  if (words.length) parts.push(`mentions: ${quoted(words)}`);
  // What a clause lacks is worth saying only of a clause that has some of it.
  if (has.length && lacks.length) parts.push(`lacks: ${lacks.join(', ')}`);
  return parts.join('; ');
}

const score = (c: Candidate) => 2 * c.parts + c.heading;

/**
 * The clauses of the document related to the concept of `rules`, best first (at most `limit`):
 * under a heading named by the rules' section words, or where part of a rule's `match` holds.
 * Reads only the leaf hits and section tree the analysis already has.
 */
export function relatedClauses(rules: readonly CompiledRule[], ctx: MatchContext, limit = RELATED_LIMIT): RelatedClause[] {
  const index = paragraphIndex(ctx);
  const found = new Map<number, Candidate>();
  byConditions(rules, ctx, index, found);
  byHeadings(rules, ctx, index, found);
  const ranked = [...found.values()].filter((c) => score(c) > 0).sort((a, b) => score(b) - score(a) || a.index - b.index);
  const perHeading = new Map<number, number>();
  const chosen: Candidate[] = [];
  for (const c of ranked) {
    if (chosen.length >= limit) break;
    if (c.parts === 0 && c.headingKey !== undefined) {
      const n = perHeading.get(c.headingKey) ?? 0;
      if (n >= PER_HEADING) continue;
      perHeading.set(c.headingKey, n + 1);
    }
    chosen.push(c);
  }
  const sentences = ctx.facts.units('sentence');
  return chosen.map((c) => {
    const span = index.paragraphs[c.index]!;
    const hits = [...c.words].flatMap((node) => rareHits(node, span, ctx));
    const focus = hits.length ? hullOf(hits, span).start : undefined;
    return { span: { start: span.start, end: span.end }, quote: excerpt(ctx.facts.text, span, focus, within(sentences, span)), location: readerLocation(ctx.facts, span.start), why: why(c, span, hits, ctx) };
  });
}
