/**
 * For an absence finding, the clause that comes closest to the protective language the rule
 * looks for, and why it does not count: "Found: a payment deadline (“within forty-five (45)
 * days”). Missing: late-payment interest." A blank "missing" over a clause counsel can see
 * in the contract would teach them to distrust the tool; saying what was found lets them judge.
 */
import type { CompiledRule } from '../compiled-types.ts';
import { excerpt, hitWords, quoted } from './excerpt.ts';
import { readerLocation } from './findings.ts';
import type { MatchContext } from '../match/match-rule.ts';
import { paragraphIndex } from '../match/paragraph-index.ts';
import { describePlace } from './place.ts';
import { leavesOf, partsHolding, ruleAlternatives, type PartResult, type RuleAlternative, type RulePart } from '../match/rule-parts.ts';
import { hullOf, unitIndexAt, within } from '../match/spans.ts';
import type { FindingLocation, NearMiss, NearMissPart, Span } from '../types.ts';

// Reading every unit would cost a pass of the whole text per absence rule; the closest clause
// is among the first few units where the rule's telling words occur.
const UNIT_LIMIT = 400;

// Parts without words weigh little next to words: a number is common, a `not` that holds says nothing found.
const NUMBER_WEIGHT = 1;
const NOT_WEIGHT = 0.5;

interface Best {
  unit: Span;
  alt: RuleAlternative;
  results: PartResult[];
  /** Weighted share of the parts that hold (rarer words weigh more). */
  share: number;
}

/** Units (of the rule's scope) where a not-too-common word of the rule occurs. */
function candidateUnits(rule: CompiledRule, ctx: MatchContext): Span[] {
  const index = paragraphIndex(ctx);
  const units = ctx.facts.units(rule.scope);
  const picked = new Set<number>();
  for (const alt of ruleAlternatives(rule)) {
    for (const part of alt.parts) {
      const rare = part.words && index.rare(part.words);
      if (!rare || index.isCommon(index.where(rare).size)) continue;
      for (const leaf of leavesOf(rare)) {
        for (const hit of ctx.leafHits[leaf] ?? []) {
          const i = unitIndexAt(units, hit.start);
          if (i >= 0) picked.add(i);
        }
      }
    }
  }
  return [...picked].sort((a, b) => a - b).slice(0, UNIT_LIMIT).map((i) => units[i]!);
}

function closest(rule: CompiledRule, ctx: MatchContext): Best | null {
  const index = paragraphIndex(ctx);
  const weightOf = (p: RulePart) => (p.words ? index.weight(p.words) : p.node.type === 'not' ? NOT_WEIGHT : NUMBER_WEIGHT);
  let best: Best | null = null;
  const preferred = (unit: Span) => (rule.sectionPrefer?.test(ctx.facts.sectionTitles(unit.start)) ? 1 : 0);
  for (const unit of candidateUnits(rule, ctx)) {
    for (const alt of ruleAlternatives(rule)) {
      // One-part branches either hold (and the rule would have found its language) or do not.
      if (alt.parts.length < 2) continue;
      const results = partsHolding(alt, unit, ctx);
      if (!results.some((r) => r.hits !== null && r.part.words !== null)) continue;
      const weights = alt.parts.map(weightOf);
      const total = weights.reduce((a, b) => a + b, 0);
      const share = total > 0 ? results.reduce((sum, r, k) => sum + (r.hits !== null ? weights[k]! : 0), 0) / total : 0;
      const better = !best || share > best.share || (share === best.share && preferred(unit) > preferred(best.unit));
      if (better) best = { unit, alt, results, share };
    }
  }
  return best;
}

/** What a missing part is called when its author gave it no `describe`: the rule's title, as a thing ("No clean-claim definition" → "clean-claim definition"). */
function fallbackWhat(rule: CompiledRule): string {
  const stripped = rule.title.replace(/^(?:no|missing)\s+/i, '');
  return stripped === rule.title ? `the rest of what this check needs (${rule.title})` : stripped;
}

function summaryOf(rule: CompiledRule, best: Best, found: NearMissPart[], missing: NearMissPart[], location: FindingLocation, quote: string): string {
  const unique = (items: string[]) => [...new Set(items)];
  const foundText = unique(found.map((p) => (p.what ? (p.words.length ? `${p.what} (${quoted(p.words)})` : p.what) : quoted(p.words))));
  const sentences = [`Found: ${foundText.join('; ')}.`];
  // A disqualifying word without a description still tells the reader why the clause does not count.
  const bare = missing.filter((p) => !p.what && p.words.length);
  if (bare.length) sentences.push(`It does not count because it says ${quoted(unique(bare.flatMap((p) => p.words)))}.`);
  const lacking = unique(missing.filter((p) => p.what || !p.words.length).map((p) => (p.what ? (p.words.length ? `${p.what} (it says ${quoted(p.words)})` : p.what) : fallbackWhat(rule))));
  if (lacking.length) sentences.push(`Missing: ${lacking.join('; ')}.`);
  if (missing.length === 0) {
    const only = rule.spec.sections?.only;
    sentences.push(best.alt.within !== undefined ? `These are not within ${best.alt.within} words of each other, so they do not read as one clause.` : only ? `It is outside the sections this check reads (headed ${only.join(', ')}).` : 'They are not in the same sentence.');
  }
  return `Closest language (${describePlace(location) || 'the contract'}): “${quote}” ${sentences.join(' ')}`;
}

/** The closest language to what absence rule `rule` looks for, or null when nothing telling is there. */
export function nearMiss(rule: CompiledRule, ctx: MatchContext): NearMiss | null {
  const best = closest(rule, ctx);
  if (!best) return null;
  const text = ctx.facts.text;
  const found: NearMissPart[] = [];
  const missing: NearMissPart[] = [];
  for (const r of best.results) {
    const what = r.part.describe;
    if (r.hits !== null) {
      // A `not` that holds found nothing to quote; it is only worth naming when described.
      if (r.hits.length === 0 && !what) continue;
      found.push(what ? { what, words: hitWords(text, r.hits) } : { words: hitWords(text, r.hits) });
    } else {
      missing.push(what ? { what, words: hitWords(text, r.against) } : { words: hitWords(text, r.against) });
    }
  }
  if (found.length === 0) return null;
  const focus = Math.min(hullOf(best.results.flatMap((r) => r.hits ?? []), best.unit).start, best.unit.end);
  const paragraphs = ctx.facts.units('paragraph');
  const paragraph = paragraphs[unitIndexAt(paragraphs, best.unit.start)] ?? best.unit;
  const quote = excerpt(text, best.unit, focus, within(ctx.facts.units('sentence'), paragraph));
  const location = readerLocation(ctx.facts, best.unit.start);
  return { span: best.unit, quote, location, found, missing, summary: summaryOf(rule, best, found, missing, location, quote) };
}
