/**
 * The versioned JSON report of DESIGN.md (`redliner analyze FILE --format json`): a stable
 * format other tools consume. It keeps `document.text` and `document.blocks` so consumers can
 * resolve every finding's offsets without re-parsing.
 */
import type { ContractDocument } from '@redliner/parser';
import type { Ruleset } from '../compiled-types.ts';
import type { Severity } from '../load/rule-schema.ts';
import type { AnalysisResult, Checklist, Finding } from '../types.ts';

/** Bumped only for incompatible changes; additions keep the number. */
export const REPORT_VERSION = 1;

/** The JSON report. */
export interface AnalysisReport {
  version: typeof REPORT_VERSION;
  /** The parsed document without its source map (offsets into `text` are enough for consumers). */
  document: Pick<ContractDocument, 'name' | 'format' | 'sha256' | 'pages' | 'printedPages' | 'text' | 'blocks' | 'sections' | 'parties' | 'warnings'>;
  ruleset: { name: string; version?: string };
  /** Rule titles and concepts by rule id, so readers need not load the ruleset. */
  rules: Record<string, { title: string; concept: string; file: string }>;
  findings: Finding[];
  checklist: Checklist;
  summary: Record<Severity, number> & { total: number };
}

/** Count findings per severity. */
export function summarize(findings: readonly Finding[]): AnalysisReport['summary'] {
  const summary = { high: 0, medium: 0, low: 0, total: findings.length };
  for (const finding of findings) summary[finding.severity]++;
  return summary;
}

/** Assemble the report for one analysed document. */
export function buildReport(document: ContractDocument, ruleset: Ruleset, result: AnalysisResult): AnalysisReport {
  const rules: AnalysisReport['rules'] = {};
  for (const rule of ruleset.rules) rules[rule.id] = { title: rule.title, concept: rule.concept, file: rule.file };
  const doc: AnalysisReport['document'] = {
    name: document.name,
    format: document.format,
    sha256: document.sha256,
    text: document.text,
    blocks: document.blocks,
    sections: document.sections,
    parties: document.parties,
    warnings: document.warnings,
  };
  if (document.pages !== undefined) doc.pages = document.pages;
  // Pages as printed, so readers of the report (the browser's page view among them) can cite them.
  if (document.printedPages !== undefined) doc.printedPages = document.printedPages;
  const set: AnalysisReport['ruleset'] = { name: ruleset.name };
  if (ruleset.version !== undefined) set.version = ruleset.version;
  return { version: REPORT_VERSION, document: doc, ruleset: set, rules, findings: result.findings, checklist: result.checklist, summary: summarize(result.findings) };
}
