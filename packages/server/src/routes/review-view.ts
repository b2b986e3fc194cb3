/** The JSON shape of one review as the API returns it. */
import { pageBoxes, type PageBox } from '@redliner/parser';
import type { Finding } from '@redliner/rules';
import type { ReviewRecord, StoredDecision } from '../store/review-store.ts';

/**
 * For a PDF review, each located finding's rectangles on the pages (the page view highlights
 * them); undefined for Word reviews. Sent instead of the source map, which is far larger and
 * would make the browser redo the mapping.
 */
function findingBoxes(record: ReviewRecord, findings: readonly Finding[]): Record<string, PageBox[]> | undefined {
  const { sourceMap } = record.document;
  if (sourceMap.format !== 'pdf') return undefined;
  const boxes: Record<string, PageBox[]> = {};
  for (const finding of findings) {
    if (finding.span) boxes[finding.id] = pageBoxes(sourceMap, finding.span);
  }
  return boxes;
}

/** Review summary, report contents (without source maps), page boxes of PDF findings and decisions keyed by finding id. */
export function reviewView(record: ReviewRecord) {
  const { report } = record;
  const decisions: Record<string, StoredDecision> = {};
  for (const decision of record.decisions) decisions[decision.findingId] = decision;
  const boxes = findingBoxes(record, report.findings);
  return {
    ...record.summary,
    document: report.document,
    // Titles and concepts only: where rule files sit on the server's disk is none of the browser's business.
    rules: Object.fromEntries(Object.entries(report.rules).map(([id, { title, concept }]) => [id, { title, concept }])),
    findings: report.findings,
    checklist: report.checklist,
    summary: report.summary,
    decisions,
    ...(boxes ? { pageBoxes: boxes } : {}),
  };
}
