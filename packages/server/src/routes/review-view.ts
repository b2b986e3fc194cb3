/** The JSON shape of one review as the API returns it. */
import type { ReviewRecord, StoredDecision } from '../store/review-store.ts';

/** Review summary, report contents (without source maps) and decisions keyed by finding id. */
export function reviewView(record: ReviewRecord) {
  const { report } = record;
  const decisions: Record<string, StoredDecision> = {};
  for (const decision of record.decisions) decisions[decision.findingId] = decision;
  return {
    ...record.summary,
    document: report.document,
    rules: report.rules,
    findings: report.findings,
    checklist: report.checklist,
    summary: report.summary,
    decisions,
  };
}
