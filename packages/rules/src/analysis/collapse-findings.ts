/**
 * Overlapping findings of one concept in one clause are one problem for the reader: keep the
 * most severe (then the earliest rule in the ruleset) and drop the rest.
 */
import type { DocumentFacts } from '../match/document-facts.ts';
import { unitIndexAt } from '../match/spans.ts';
import type { Finding } from '../types.ts';

const RANK = { high: 0, medium: 1, low: 2 } as const;

/** Collapse findings of the same concept whose spans overlap within the same paragraph. */
export function collapseFindings(findings: readonly Finding[], facts: DocumentFacts): Finding[] {
  const paragraphs = facts.units('paragraph');
  const kept: Finding[] = [];
  // Stable order: severity first so the survivor of a collision is the most severe.
  const ordered = findings.map((f, order) => ({ f, order })).sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.order - b.order);
  for (const { f } of ordered) {
    const span = f.span;
    const clash = span && kept.some((k) =>
      k.concept === f.concept && k.span !== null &&
      k.span.start < span.end && span.start < k.span.end &&
      unitIndexAt(paragraphs, k.span.start) === unitIndexAt(paragraphs, span.start));
    if (!clash) kept.push(f);
  }
  return kept.sort((a, b) => (a.span?.start ?? a.insertAt ?? 0) - (b.span?.start ?? b.insertAt ?? 0) || a.ruleId.localeCompare(b.ruleId));
}
