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
    // Titles and concepts only: where rule files sit on the server's disk is none of the browser's business.
    rules: Object.fromEntries(Object.entries(report.rules).map(([id, { title, concept }]) => [id, { title, concept }])),
    findings: report.findings,
    checklist: report.checklist,
    summary: report.summary,
    decisions,
  };
}
