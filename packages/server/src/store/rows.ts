/** Row ↔ object mapping for the SQLite store (kept apart so the store reads as queries). */
import type { DecisionInput, ReviewSummary, StoredDecision } from './review-store.ts';

/** A `reviews` row joined with its decision count, as the summary queries select it. */
export interface SummaryRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  format: string;
  ruleset_id: string;
  ruleset_name: string;
  ruleset_version: string | null;
  high: number;
  medium: number;
  low: number;
  total: number;
  decided: number;
}

/** A `decisions` row. */
export interface DecisionRow {
  finding_id: string;
  action: 'accept' | 'edit' | 'reject';
  alternative: number | null;
  text: string | null;
  reason: string | null;
  comment: number | null;
  scope: 'clause' | null;
  decided_at: string;
}

/** The SELECT list for `SummaryRow`, over `reviews r`. */
export const SUMMARY_COLUMNS = `r.id, r.name, r.created_at, r.updated_at, r.format, r.ruleset_id, r.ruleset_name, r.ruleset_version,
  r.high, r.medium, r.low, r.total, (SELECT COUNT(*) FROM decisions d WHERE d.review_id = r.id) AS decided`;

/** Summary row → API summary. */
export function toSummary(row: SummaryRow): ReviewSummary {
  return {
    id: row.id,
    name: row.name,
    created: row.created_at,
    updated: row.updated_at,
    format: row.format as ReviewSummary['format'],
    ruleset: { id: row.ruleset_id, name: row.ruleset_name, ...(row.ruleset_version !== null ? { version: row.ruleset_version } : {}) },
    counts: { high: row.high, medium: row.medium, low: row.low },
    decided: row.decided,
    total: row.total,
  };
}

/** Decision row → API decision (optional fields only when set). */
export function toDecision(row: DecisionRow): StoredDecision {
  const extra = { findingId: row.finding_id, decidedAt: row.decided_at, ...(row.reason !== null ? { reason: row.reason } : {}), ...(row.comment !== null ? { comment: row.comment === 1 } : {}) };
  if (row.action === 'edit') return { action: 'edit', text: row.text ?? '', ...(row.scope !== null ? { scope: row.scope } : {}), ...extra };
  if (row.action === 'accept') return { action: 'accept', ...(row.alternative !== null ? { alternative: row.alternative } : {}), ...extra };
  return { action: 'reject', ...extra };
}

/** API decision → named parameters for the upsert. */
export function decisionParams(reviewId: string, findingId: string, decision: DecisionInput, decidedAt: string): Record<string, string | number | null> {
  return {
    review_id: reviewId,
    finding_id: findingId,
    action: decision.action,
    alternative: decision.action === 'accept' ? (decision.alternative ?? null) : null,
    text: decision.action === 'edit' ? decision.text : null,
    reason: decision.reason ?? null,
    comment: decision.comment === undefined ? null : decision.comment ? 1 : 0,
    scope: decision.action === 'edit' ? (decision.scope ?? null) : null,
    decided_at: decidedAt,
  };
}
