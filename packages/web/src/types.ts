/**
 * The shapes the review API returns (see packages/server routes). Declared here rather than
 * imported so the browser bundle depends on nothing but the HTTP contract.
 */

export type Severity = 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

export interface Span {
  start: number;
  end: number;
}

export interface Block extends Span {
  id: string;
  kind: 'heading' | 'paragraph' | 'list-item' | 'table-cell';
  label?: string;
  level?: number;
  page?: number;
  table?: { table: number; row: number; col: number };
}

export interface FindingLocation {
  section?: string;
  label?: string;
  page?: number;
}

export interface Redline {
  op: 'replace' | 'insert' | 'delete';
  span?: Span;
  insertAt?: number;
  text: string;
  alternatives: string[];
  note?: string;
  newParagraph?: boolean;
}

export interface Finding {
  id: string;
  ruleId: string;
  concept: string;
  severity: Severity;
  kind: 'presence' | 'absence';
  message: string;
  /** Markdown, from the ruleset. */
  explanation: string;
  span: Span | null;
  quote: string;
  location: FindingLocation;
  insertAt?: number;
  redline?: Redline;
  references?: Array<{ title: string; url?: string }>;
}

export interface Evidence {
  ruleId: string;
  span: Span;
  quote: string;
  location: FindingLocation;
}

export type ChecklistEntry =
  | { concept: string; title?: string; status: 'risky'; findingIds: string[] }
  | { concept: string; title?: string; status: 'acceptable'; evidence: Evidence }
  | { concept: string; title?: string; status: 'not-found'; searched: string }
  | { concept: string; title?: string; status: 'not-covered' };

export type DecisionInput =
  | { action: 'accept'; alternative?: number; reason?: string }
  | { action: 'edit'; text: string; reason?: string }
  | { action: 'reject'; reason?: string };

export type Decision = DecisionInput & { findingId: string; decidedAt: string };

export interface ReviewSummary {
  id: string;
  name: string;
  created: string;
  updated: string;
  format: 'pdf' | 'docx';
  ruleset: { id: string; name: string; version?: string };
  counts: Record<Severity, number>;
  decided: number;
  total: number;
}

export interface ReviewDocument {
  name: string;
  format: 'pdf' | 'docx';
  pages?: number;
  text: string;
  blocks: Block[];
  sections?: unknown[];
  parties?: {
    payer: { name?: string; terms: string[] };
    provider: { name?: string; terms: string[] };
    detected: boolean;
  };
  warnings?: Array<{ code: string; message: string; pages?: number[] }>;
}

export interface Review extends ReviewSummary {
  document: ReviewDocument;
  rules?: Record<string, { title: string; concept: string; file?: string }>;
  findings: Finding[];
  checklist: ChecklistEntry[];
  decisions: Record<string, Decision>;
}

/** RFC 9457 problem details as the server sends them. */
export interface Problem {
  title?: string;
  detail?: string;
  code?: string;
  status?: number;
}
