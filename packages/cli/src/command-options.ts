/**
 * The values each command's options accept. Kept apart from the commands so `run-cli.ts` can
 * check arguments (and print help) without loading a command's dependencies: pdf.js, RE2 and
 * the OOXML writers cost most of a second to load, which `redliner --help` should never pay.
 */
import type { ISSUES_LIST_FORMATS } from '@redliner/redline';

/** `parse --format`. */
export const PARSE_FORMATS = ['text', 'json', 'markdown'] as const;
/** A `parse --format` value. */
export type ParseFormat = (typeof PARSE_FORMATS)[number];

/** `analyze --format`. */
export const ANALYZE_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
/** An `analyze --format` value. */
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

/** `analyze --fail-on`. */
export const FAIL_LEVELS = ['high', 'medium', 'low'] as const;
/** An `analyze --fail-on` value. */
export type FailLevel = (typeof FAIL_LEVELS)[number];

/** `issues --format`: the issues-list files the redline package writes (checked against it below). */
export const ISSUES_FORMATS = ['xlsx', 'docx', 'csv'] as const satisfies typeof ISSUES_LIST_FORMATS;

/** `terms --format`. */
export const TERMS_FORMATS = ['text', 'json', 'csv'] as const;
/** A `terms --format` value. */
export type TermsFormat = (typeof TERMS_FORMATS)[number];

/** `deadlines --format`. */
export const DEADLINES_FORMATS = ['text', 'json', 'ics'] as const;
/** A `deadlines --format` value. */
export type DeadlinesFormat = (typeof DEADLINES_FORMATS)[number];

/** `portfolio --format`. */
export const PORTFOLIO_FORMATS = ['csv', 'xlsx', 'json'] as const;
/** A `portfolio --format` value. */
export type PortfolioFormat = (typeof PORTFOLIO_FORMATS)[number];

/** `redline --audience` and `issues --audience`. */
export const AUDIENCES = ['payer', 'internal'] as const;
