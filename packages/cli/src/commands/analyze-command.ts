/** `redliner analyze FILE|FOLDER... [--ruleset DIR] [--format text|json|sarif|markdown] [--fail-on LEVEL]` */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isParseError, parseDocument } from '@redliner/parser';
import { analyze, buildReport, DEFAULT_RULESET_DIR, formatRuleError, loadRuleset, toMarkdownMemo, toSarif } from '@redliner/rules';
import type { AnalysisReport, Ruleset } from '@redliner/rules';
import { UsageError } from '../cli-error.ts';
import { readInputFile } from '../read-input.ts';
import { ocrOptions } from '../ocr-options.ts';
import { renderReportText, renderSummaryTable } from '../render/report-text.ts';
import type { AnalyzeFormat, FailLevel } from '../command-options.ts';


const RANK: Record<FailLevel, number> = { high: 3, medium: 2, low: 1 };
const VERSION = '0.1.0';

/** What `analyze` produced: stdout text, and whether any file failed or crossed `--fail-on`. */
export interface AnalyzeOutcome {
  output: string;
  fileErrors: number;
  failed: boolean;
}

/** The contract files named: files as given, folders as their .pdf and .docx files, sorted. */
export async function expand(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new UsageError(`${path}: no such file or folder. Check the path (quote it if it contains spaces).`);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = (await readdir(path, { withFileTypes: true })).filter((e) => e.isFile() && /\.(pdf|docx)$/i.test(e.name)).map((e) => join(path, e.name)).sort();
    if (entries.length === 0) throw new UsageError(`${path}: this folder holds no .pdf or .docx files.`);
    files.push(...entries);
  }
  return files;
}

/** Load a ruleset, reporting every rule error on stderr; no usable rule at all is a usage error. */
export function loadRulesetOrThrow(dir: string, warn: (line: string) => void): Ruleset {
  const { ruleset, rules, errors } = loadRuleset(dir);
  for (const error of errors) warn(`rule error: ${formatRuleError(error)}`);
  if (rules.length === 0) throw new UsageError(`${dir}: no usable rules found${errors.length ? ' (see the errors above)' : ''}. Give a folder of rule .yaml files with --ruleset.`);
  if (errors.length) warn(`warning: ${errors.length} rule file problem(s); analysing with the ${rules.length} rules that loaded.`);
  return ruleset;
}

/** Run `analyze`. */
export async function analyzeCommand(args: { paths: string[]; format: AnalyzeFormat; ruleset?: string; failOn?: FailLevel; password?: string; ocr?: boolean }, warn: (line: string) => void): Promise<AnalyzeOutcome> {
  if (args.paths.length === 0) throw new UsageError('analyze needs at least one file or folder: redliner analyze FILE... [--format text|json|sarif|markdown]');
  const files = await expand(args.paths);
  const ruleset = loadRulesetOrThrow(args.ruleset ?? DEFAULT_RULESET_DIR, warn);
  const rows: Array<{ file: string; report?: AnalysisReport; error?: string }> = [];
  for (const file of files) {
    try {
      const document = await parseDocument(await readInputFile(file), { name: basename(file), ...(args.password !== undefined ? { password: args.password } : {}), ...ocrOptions(args.ocr, warn) });
      for (const w of document.warnings) warn(`warning [${w.code}] ${document.name}: ${w.message}`);
      rows.push({ file, report: buildReport(document, ruleset, analyze(document, ruleset)) });
    } catch (error) {
      if (!isParseError(error) && !(error instanceof UsageError)) throw error;
      const message = isParseError(error) ? `error [${error.code}] ${error.message}` : error.message;
      warn(`redliner: ${message}`);
      rows.push({ file, error: isParseError(error) ? error.code : 'unreadable' });
    }
  }
  const reports = rows.flatMap((r) => (r.report ? [r.report] : []));
  const threshold = args.failOn ? RANK[args.failOn] : Infinity;
  const failed = reports.some((r) => r.findings.some((f) => RANK[f.severity] >= threshold));
  return { output: render(reports, rows, args.format), fileErrors: rows.length - reports.length, failed };
}

function render(reports: AnalysisReport[], rows: Array<{ file: string; report?: AnalysisReport; error?: string }>, format: AnalyzeFormat): string {
  if (format === 'json') return `${JSON.stringify(rows.length === 1 ? (reports[0] ?? null) : reports)}\n`;
  if (format === 'sarif') {
    const logs = reports.map((r) => toSarif(r, VERSION));
    const merged = logs[0] ? { ...logs[0], runs: logs.flatMap((l) => l.runs) } : { version: '2.1.0', runs: [] };
    return `${JSON.stringify(merged, null, 2)}\n`;
  }
  if (format === 'markdown') return reports.map((report) => toMarkdownMemo(report)).join('\n---\n\n');
  const body = reports.map(renderReportText).join('\n');
  return rows.length > 1 ? `${body}\n${renderSummaryTable(rows)}` : body;
}
