/** Key terms in the terminal: one line per field (value, words as written, clause), the quote under it. */
import { citePage } from '@redliner/rules';
import type { KeyTermsReport } from '@redliner/rules';

const QUOTE_LIMIT = 150;

/** The report as text for counsel reading a terminal. */
export function renderKeyTermsText(report: KeyTermsReport): string {
  const lines = [`Key terms: ${report.document.name} (definitions ${report.definitions.ruleset} v${report.definitions.version})`, ''];
  for (const t of report.terms) {
    const where = [t.location?.label ?? t.location?.section, t.location ? citePage(t.location) : undefined].filter(Boolean).join(', ');
    if (t.status !== 'stated') {
      lines.push(`${t.title}: Not stated${t.corrected ? ' (corrected)' : ''}`);
      continue;
    }
    // A list or text value is read from the whole clause, which the quote line shows.
    const written = t.asWritten && t.asWritten !== t.display && t.read !== 'text' && t.read !== 'yes-no' && t.read !== 'parties' && t.read !== 'list' ? `“${t.asWritten}”` : '';
    const detail = [written, where].filter(Boolean).join(', ');
    lines.push(`${t.title}: ${t.display ?? ''}${t.corrected ? ' (corrected)' : ''}${detail ? `  (${detail})` : ''}`);
    if (t.quote && t.read !== 'parties' && t.read !== 'text' && t.value?.kind !== 'text') {
      const quote = t.quote.replace(/\s+/g, ' ');
      lines.push(`    “${quote.length > QUOTE_LIMIT ? `${quote.slice(0, QUOTE_LIMIT)}…` : quote}”`);
    }
  }
  return `${lines.join('\n')}\n`;
}
