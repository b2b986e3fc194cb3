/**
 * The per-concept checklist counsel reads first: for every concept, risky (with the finding
 * ids), acceptable (with a quote as evidence), not found (with what was searched), or not
 * covered by any rule yet.
 */
import type { Ruleset } from './compiled-types.ts';
import type { DocumentFacts } from './document-facts.ts';
import { quoteOf, readerLocation } from './findings.ts';
import type { RuleOutcome } from './run-rule.ts';
import type { Checklist, ChecklistEntry, Finding, SearchedRule } from './types.ts';

const UNITS = { sentence: 'sentences', paragraph: 'paragraphs', section: 'sections', document: 'document' } as const;

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

/** Build the checklist from the final findings and every rule's outcome. */
export function buildChecklist(ruleset: Ruleset, outcomes: readonly RuleOutcome[], findings: readonly Finding[], facts: DocumentFacts): Checklist {
  const titles = new Map(ruleset.concepts.map((c) => [c.id, c.title]));
  const order = [...ruleset.concepts.map((c) => c.id)];
  for (const rule of ruleset.rules) if (!order.includes(rule.concept)) order.push(rule.concept);

  return order.map((concept): ChecklistEntry => {
    const title = titles.get(concept) ?? ruleset.rules.find((r) => r.concept === concept)?.title;
    const head = title ? { concept, title } : { concept };
    const ids = findings.filter((f) => f.concept === concept).map((f) => f.id);
    if (ids.length) return { ...head, status: 'risky', findingIds: ids };
    const mine = outcomes.filter((o) => o.rule.concept === concept);
    if (mine.length === 0) return { ...head, status: 'not-covered' };
    const withEvidence = mine.find((o) => o.evidence);
    if (withEvidence?.evidence) {
      const span = withEvidence.evidence.unit;
      return {
        ...head,
        status: 'acceptable',
        evidence: { ruleId: withEvidence.rule.id, span, quote: quoteOf(facts.text, span), location: readerLocation(facts, span.start) },
      };
    }
    const searchedIn = searchedRules(mine);
    return { ...head, status: 'not-found', searched: searchedText(searchedIn), searchedIn };
  });
}
