/**
 * The storage boundary of the review app. Routes only talk to this interface, so the embedded
 * SQLite store can be joined by a PostgreSQL one later without touching them. Every method is
 * async for the same reason, even though SQLite answers synchronously.
 */
import type { Decision } from '@redliner/redline';
import type * as z from 'zod';
import type { ContractDocument } from '@redliner/parser';
import type { AnalysisReport, Finding, KeyTermsReport, TermCorrection, TermCorrections } from '@redliner/rules';
import type { DropReasonSchema, ReviewRulesetSchema, ReviewSummarySchema, StoredDecisionSchema } from '../review-response-schemas.ts';

/** What the contracting lead decided on one finding: @redliner/redline's decision, stored as it is. */
export type DecisionInput = Decision;

/** A saved decision (its one definition is the API's response schema). */
export type StoredDecision = z.output<typeof StoredDecisionSchema>;

/** Saved decisions keyed by finding id, in the order they were made (what redline and the memo read). */
export function decisionsOf(stored: readonly StoredDecision[]): Record<string, DecisionInput> {
  const out: Record<string, DecisionInput> = {};
  for (const { findingId, decidedAt: _decidedAt, ...decision } of stored) out[findingId] = decision;
  return out;
}

/** The ruleset a review was analysed with (defined by the API's response schema). */
export type ReviewRuleset = z.output<typeof ReviewRulesetSchema>;

/** One row of the review list (defined by the API's response schema). */
export type ReviewSummary = z.output<typeof ReviewSummarySchema>;

/** Everything saved about one review. */
export interface ReviewRecord {
  summary: ReviewSummary;
  /** The parsed document, source maps included (re-analysis and the DOCX export need them). */
  document: ContractDocument;
  report: AnalysisReport;
  decisions: StoredDecision[];
}

/** A finding as the portfolio counts it. */
export type FindingTally = Pick<Finding, 'concept' | 'severity'>;

/** What a new review is made of. */
export interface NewReview {
  name: string;
  original: Uint8Array;
  document: ContractDocument;
  report: AnalysisReport;
  ruleset: ReviewRuleset;
}

/** A decision that re-analysis could not keep, and why. */
export interface DroppedDecision {
  decision: StoredDecision;
  reason: z.output<typeof DropReasonSchema>;
}

/** Result of replacing a review's analysis. */
export interface ReanalysisOutcome {
  summary: ReviewSummary;
  kept: string[];
  dropped: DroppedDecision[];
}

/** Storage of reviews, their decisions and the uploaded originals. */
export interface ReviewStore {
  create(review: NewReview): Promise<ReviewSummary>;
  /** Newest first. */
  list(): Promise<ReviewSummary[]>;
  get(id: string): Promise<ReviewRecord | undefined>;
  /** The uploaded file, byte for byte, with the format it was read as. */
  original(id: string): Promise<{ name: string; format: ContractDocument['format']; bytes: Uint8Array } | undefined>;
  finding(reviewId: string, findingId: string): Promise<Finding | 'no-review' | 'no-finding'>;
  /** Insert or replace one decision atomically; other findings' decisions are untouched. */
  setDecision(reviewId: string, findingId: string, decision: DecisionInput): Promise<StoredDecision | 'no-review' | 'no-finding'>;
  /** Swap in a new analysis, keeping decisions whose finding ids survive. Undefined when the review is gone. */
  replaceAnalysis(id: string, report: AnalysisReport, ruleset: ReviewRuleset): Promise<ReanalysisOutcome | undefined>;
  delete(id: string): Promise<boolean>;
  /** The user's key-term corrections of a review, by field id; undefined when the review is gone. */
  termCorrections(reviewId: string): Promise<TermCorrections | undefined>;
  /** Save (replace) the correction of one field. */
  setTermCorrection(reviewId: string, fieldId: string, correction: { text: string; note?: string }): Promise<TermCorrection | 'no-review'>;
  /** Remove a field's correction, so the contract's reading shows again; false when there was none. */
  deleteTermCorrection(reviewId: string, fieldId: string): Promise<boolean | 'no-review'>;
  /** The review's saved key-term reading (before corrections) if the definitions stamped `stamp` made it. */
  keyTermReading(reviewId: string, stamp: string): Promise<KeyTermsReport | undefined>;
  /**
   * Keep a key-term reading with its review. A cache: it never fails the caller (a full or
   * read-only disk, or a review deleted meanwhile, just leaves it unsaved).
   */
  saveKeyTermReading(reviewId: string, stamp: string, reading: KeyTermsReport): Promise<void>;
  /** Each review's findings as concept and severity, by review id, without reading documents. */
  findingTallies(): Promise<Map<string, FindingTally[]>>;
  close(): Promise<void>;
}
