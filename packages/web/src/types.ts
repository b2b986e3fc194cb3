/**
 * The shapes the review API returns (see packages/server routes).
 */

// The engine's own types, imported for type checking only: nothing of the packages reaches
// the browser bundle, which depends on the HTTP contract alone.
import type { Block, PageBox, ParseWarning } from '@redliner/parser';
import type { Decision as RedlineDecision } from '@redliner/redline';
import type { Deadline, MissingDeadline } from '@redliner/portfolio';
import type { ChecklistEntry, Finding, Severity } from '@redliner/rules';

export type { ClausePreview } from '@redliner/redline';

export type { Block, PageBox } from '@redliner/parser';
export type { ContractDeadlines, Deadline, DeadlineKind, MissingDeadline, PayerScore, Portfolio, PortfolioCell, PortfolioColumn, PortfolioRow } from '@redliner/portfolio';
export type { ChecklistEntry, Evidence, Finding, FindingLocation, KeyTerm, KeyTermsReport, Redline, SearchedRule, Severity, Span } from '@redliner/rules';

/** Severities, most serious first. */
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

/** What the reader decided on one finding, as sent to the API: redline's own decision shape. */
export type DecisionInput = RedlineDecision;

/** A saved decision. */
export type Decision = DecisionInput & { findingId: string; decidedAt: string };

/** One row of the reviews list. */
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

/** The parsed contract as the review API returns it (source maps left out). */
export interface ReviewDocument {
  name: string;
  format: 'pdf' | 'docx';
  pages?: number;
  /** PDF pages that print their own numbers: each page's number as printed ('' where none); index 0 is page 1. */
  printedPages?: string[];
  text: string;
  blocks: Block[];
  sections?: unknown[];
  parties?: {
    payer: { name?: string; terms: string[] };
    provider: { name?: string; terms: string[] };
    detected: boolean;
  };
  warnings?: ParseWarning[];
}

/** One review: the summary plus document, findings, checklist and decisions. */
export interface Review extends ReviewSummary {
  document: ReviewDocument;
  rules?: Record<string, { title: string; concept: string }>;
  findings: Finding[];
  checklist: ChecklistEntry[];
  decisions: Record<string, Decision>;
  /** PDF reviews: each located finding's rectangles on the pages (absent for Word reviews and older servers). */
  pageBoxes?: Record<string, PageBox[]>;
}

/** RFC 9457 problem details as the server sends them. */
export interface Problem {
  title?: string;
  detail?: string;
  code?: string;
  status?: number;
}

/** A ruleset the server can analyse with (GET /api/rulesets), as the server's response schema defines it. */
export type { RulesetInfo } from '@redliner/server';

/** A decision that re-analysis could not keep, and why. */
export interface DroppedDecision {
  findingId: string;
  reason: 'finding-gone' | 'alternative-gone';
  decision: Decision;
}

/** The answer of POST /api/reviews/:id/reanalyze. */
export interface ReanalysisResult {
  review: ReviewSummary;
  /** Finding ids whose decisions were kept. */
  kept: string[];
  dropped: DroppedDecision[];
  /** Finding ids the new analysis has and the old one did not (absent from older servers). */
  added?: string[];
  /** Finding ids the old analysis had and the new one does not. */
  removed?: string[];
}

/** One dated deadline of a review, as GET /api/deadlines lists it across reviews. */
export type UpcomingDeadline = Deadline & { reviewId: string; name: string };

/** GET /api/deadlines: every review's deadlines, earliest first, and the reviews that cannot be dated. */
export interface DeadlinesOverview {
  today: string;
  deadlines: UpcomingDeadline[];
  missing: Array<{ reviewId: string; name: string; missing: MissingDeadline[] }>;
}
