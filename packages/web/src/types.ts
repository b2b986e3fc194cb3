/**
 * The shapes the review API returns (see packages/server routes).
 */

// The engine's own types, imported for type checking only: nothing of the packages reaches
// the browser bundle, which depends on the HTTP contract alone.
import type { Block } from '@redliner/parser';
import type { ChecklistEntry, Finding, Severity } from '@redliner/rules';

export type { Block } from '@redliner/parser';
export type { ChecklistEntry, Evidence, Finding, FindingLocation, Redline, Severity, Span } from '@redliner/rules';

export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

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
