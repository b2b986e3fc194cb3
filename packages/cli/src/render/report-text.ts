/** Terminal rendering of analysis reports: findings by severity, then a per-file summary table. */
import { basename } from 'node:path';
import { citePage } from '@redliner/rules';
import type { AnalysisReport, Finding } from '@redliner/rules';
import { renderChecklistText } from './checklist-text.ts';
import { wrap } from './wrap.ts';

function where(finding: Finding): string {
  const parts = [finding.location.section ?? finding.location.label, citePage(finding.location, 'p.')].filter(Boolean);
  const place = parts.length ? parts.join(', ') : 'end of the contract';
  // An absence finding's location is only where the fix would go, not where a problem is.
  return finding.kind === 'absence' ? `missing; add in ${place}` : place;
}

/** One document's findings for a terminal. */
export function renderReportText(report: AnalysisReport): string {
  const out: string[] = [];
  const { payer, provider } = report.document.parties;
  out.push(`${report.document.name}: ${report.summary.high} high, ${report.summary.medium} medium, ${report.summary.low} low`);
  out.push(`  payer ${payer.name ?? payer.terms.join('/')}, provider ${provider.name ?? provider.terms.join('/')}`);
  for (const severity of ['high', 'medium', 'low'] as const) {
    for (const finding of report.findings.filter((f) => f.severity === severity)) {
      out.push('');
      out.push(`  ${severity.toUpperCase().padEnd(6)} ${finding.concept}  [${where(finding)}]  (${finding.ruleId})`);
      out.push(wrap(finding.message, '         '));
      // A missing protection says what the contract does have, so counsel can judge it.
      if (finding.nearMiss) out.push(wrap(finding.nearMiss.summary, '         '));
      if (finding.quote) out.push(wrap(`“${finding.quote}”`, '         '));
      if (finding.redline?.text) out.push(wrap(`${finding.redline.op === 'insert' ? 'Add' : 'Suggest'}: ${finding.redline.text}`, '         '));
    }
  }
  out.push(...renderChecklistText(report));
  const count = (status: string) => report.checklist.filter((c) => c.status === status).length;
  out.push('', `  checklist: ${count('risky')} risky, ${count('acceptable')} acceptable, ${count('review')} to review, ${count('not-found')} not found`);
  return out.join('\n') + '\n';
}

/** The summary table printed after several files. */
export function renderSummaryTable(rows: Array<{ file: string; report?: AnalysisReport; error?: string }>): string {
  // File names are what people recognise; fall back to the paths only when two names clash.
  const names = rows.map((r) => basename(r.file));
  const shown = new Set(names).size === names.length ? names : rows.map((r) => r.file);
  const width = Math.min(60, Math.max(4, ...shown.map((f) => f.length)));
  const fit = (f: string) => (f.length <= width ? f.padEnd(width) : `…${f.slice(f.length - width + 1)}`);
  const lines = [`${'file'.padEnd(width)}  high  medium  low  note`];
  rows.forEach((row, i) => {
    const s = row.report?.summary;
    lines.push(`${fit(shown[i]!)}  ${String(s?.high ?? '-').padStart(4)}  ${String(s?.medium ?? '-').padStart(6)}  ${String(s?.low ?? '-').padStart(3)}  ${row.error ?? ''}`);
  });
  return lines.join('\n') + '\n';
}
