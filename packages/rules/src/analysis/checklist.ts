/**
 * The per-concept checklist counsel reads first: for every concept, risky (with the finding
 * ids), acceptable (with a quote as evidence), not detected but with related clauses to review,
 * not found (nothing in the contract relates to it; with what was searched), or not covered by
 * any rule yet. "Not found" must be earned: a blank over a clause the rules merely failed to
 * recognise would teach counsel to trust a blank.
 */
import type { Ruleset } from '../compiled-types.ts';
import { quoteOf, readerLocation } from './findings.ts';
import type { MatchContext } from '../match/match-rule.ts';
import { relatedClauses } from './related-clauses.ts';
import type { RuleOutcome } from './run-rule.ts';
import type { Checklist, ChecklistEntry, Evidence, Finding, SearchedRule } from '../types.ts';

const UNITS = { clause: 'clauses', sentence: 'sentences', paragraph: 'paragraphs', section: 'sections', document: 'document' } as const;

function searchedRules(outcomes: readonly RuleOutcome[]): SearchedRule[] {
  return outcomes.map((o) => {
    const r = o.rule;
    const only = r.spec.sections?.only;
    return {
      ruleId: r.id,
      unit: UNITS[r.scope],
      ...(r.scope === 'document' ? {} : { count: o.searched }),
      ...(only ? { sectionsOnly: [...only] } : {}),
      applies: o.applies,
    };
  });
}

function searchedText(searched: readonly SearchedRule[]): string {
  return searched
    .map((s) => {
      const where = s.unit === 'document' ? 'the whole document' : `${s.count} ${s.unit}`;
      const only = s.sectionsOnly ? ` in sections titled ${s.sectionsOnly.join('/')}` : '';
      const applies = s.applies ? '' : ' (does not apply: no triggering language)';
      return `${s.ruleId}: ${where}${only}${applies}`;
    })
    .join('; ');
}

/** Every unit that satisfied an absence rule of the concept, in text order, once per unit and rule. */
function satisfiedBy(outcomes: readonly RuleOutcome[], facts: MatchContext['facts']): Evidence[] {
  return outcomes
    .filter((o) => o.rule.kind === 'absence')
    .flatMap((o) => o.satisfiedBy.map(({ unit }) => ({ ruleId: o.rule.id, span: unit, quote: quoteOf(facts.text, unit), location: readerLocation(facts, unit.start) })))
    .sort((a, b) => a.span.start - b.span.start);
}

/** Build the checklist from the final findings and every rule's outcome; `ctx` is the analysis's own (its leaf hits are reused). */
export function buildChecklist(ruleset: Ruleset, outcomes: readonly RuleOutcome[], findings: readonly Finding[], ctx: MatchContext): Checklist {
  const facts = ctx.facts;
  const titles = new Map(ruleset.concepts.map((c) => [c.id, c.title]));
  const order = [...ruleset.concepts.map((c) => c.id)];
  for (const rule of ruleset.rules) if (!order.includes(rule.concept)) order.push(rule.concept);

  return order.map((concept): ChecklistEntry => {
    const title = titles.get(concept) ?? ruleset.rules.find((r) => r.concept === concept)?.title;
    const head = title ? { concept, title } : { concept };
    const mine = outcomes.filter((o) => o.rule.concept === concept);
    const satisfied = satisfiedBy(mine, facts);
    const listed = satisfied.length > 0 ? { satisfied } : {};
    const ids = findings.filter((f) => f.concept === concept).map((f) => f.id);
    if (ids.length) return { ...head, status: 'risky', findingIds: ids, ...listed };
    if (mine.length === 0) return { ...head, status: 'not-covered' };
    const withEvidence = mine.find((o) => o.evidence);
    if (withEvidence?.evidence) {
      const span = withEvidence.evidence.unit;
      return {
        ...head,
        status: 'acceptable',
        evidence: { ruleId: withEvidence.rule.id, span, quote: quoteOf(facts.text, span), location: readerLocation(facts, span.start) },
        ...listed,
      };
    }
    const searchedIn = searchedRules(mine);
    const searched = searchedText(searchedIn);
    // Only here, for concepts with nothing found, is the document read for related clauses.
    const related = relatedClauses(mine.map((o) => o.rule), ctx);
    if (related.length > 0) return { ...head, status: 'review', related, searched, searchedIn };
    return { ...head, status: 'not-found', searched, searchedIn };
  });
}
