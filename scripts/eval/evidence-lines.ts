/**
 * `pnpm eval --evidence` (payer-dev and self-labeled agreements only): every clause that
 * satisfied an absence rule, per concept, so a rule author sees why the checklist says a
 * protection was found, and whether a weak or wrong one is what satisfied the rule.
 */
import type { ChecklistEntry } from '@redliner/rules';

const QUOTE_CHARS = 160;

/** The lines to print for one document's checklist, or none when no absence rule was satisfied. */
export function evidenceLines(name: string, checklist: readonly ChecklistEntry[], concept: string | null): string[] {
  const lines: string[] = [];
  for (const entry of checklist) {
    if (concept && entry.concept !== concept) continue;
    if ((entry.status !== 'acceptable' && entry.status !== 'risky') || !entry.satisfied?.length) continue;
    lines.push(`  ${entry.concept} (${entry.status}):`);
    for (const e of entry.satisfied) {
      const quote = e.quote.length > QUOTE_CHARS ? `${e.quote.slice(0, QUOTE_CHARS - 1)}…` : e.quote;
      lines.push(`    ${e.ruleId} @${e.span.start}: “${quote}”`);
    }
  }
  return lines.length > 0 ? [`${name} — what satisfied the absence rules:`, ...lines] : [];
}
