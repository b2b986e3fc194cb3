/** The portfolio matrix: one row per contract, one column per key term, marks where a contract is worse than the best. */
import type { KeyTermsReport, Severity } from '@redliner/rules';

/** What the matrix is built from, per contract. */
export interface PortfolioInput {
  /** The review id, or the file path for the CLI. */
  id: string;
  name: string;
  terms: KeyTermsReport;
  /** Findings as (concept, severity) pairs. */
  findings: ReadonlyArray<{ concept: string; severity: Severity }>;
  decided: number;
  total: number;
}

/** One cell: the term's value in plain words, and how it compares with the portfolio. */
export interface PortfolioCell {
  display: string;
  stated: boolean;
  corrected: boolean;
  /** Comparable number (days, percent); absent when the field is not compared or not stated. */
  rank?: number;
  /** Worse than the best value of the portfolio for this field. */
  worse: boolean;
  /** The best value in the portfolio (ties included). */
  best: boolean;
}

/** One contract's row. */
export interface PortfolioRow {
  id: string;
  name: string;
  payer: string;
  product: string;
  cells: Record<string, PortfolioCell>;
  counts: Record<Severity, number>;
  /** Findings by concept, then severity. */
  concepts: Record<string, Record<Severity, number>>;
  decided: number;
  total: number;
  /** Terms where this contract is worse than the portfolio's best. */
  worseTerms: number;
  score: number;
}

/** A column of the matrix. */
export interface PortfolioColumn {
  id: string;
  title: string;
  /** Set for the fields that are compared. */
  better?: 'higher' | 'lower';
  why?: string;
}

/** One payer's line of the scorecard. */
export interface PayerScore {
  payer: string;
  contracts: number;
  /** Mean of the contracts' scores, one decimal. */
  score: number;
  high: number;
  medium: number;
  low: number;
  worseTerms: number;
}

/** The whole matrix. */
export interface Portfolio {
  columns: PortfolioColumn[];
  rows: PortfolioRow[];
  /** Every concept with a finding, sorted. */
  concepts: string[];
  scorecard: PayerScore[];
  /** The score's formula in words, as the UI and docs show it. */
  formula: string;
}
