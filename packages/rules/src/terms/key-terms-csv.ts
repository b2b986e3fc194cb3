/**
 * Key terms as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads curly quotes), one
 * row per field: for a spreadsheet of a contract's terms, or many contracts' side by side.
 */
import type { KeyTermsReport } from './key-term-types.ts';

// A cell that starts like a formula would run in a spreadsheet (CSV injection): contract text
// is the payer's, so it is shown as text.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const HEADER = ['Contract', 'Field', 'Term', 'Status', 'Value', 'As written', 'Clause', 'Section', 'Page', 'Quote', 'Corrected'];

/** The report as CSV text: a header row, then one row per field, CRLF line ends. */
export function keyTermsCsv(report: KeyTermsReport): string {
  const lines = [HEADER.map(cell).join(',')];
  for (const t of report.terms) {
    const row = [
      report.document.name,
      t.id,
      t.title,
      t.status === 'stated' ? 'stated' : 'not stated',
      t.display ?? '',
      t.asWritten ?? '',
      t.location?.label ?? '',
      t.location?.section ?? '',
      t.location?.page === undefined ? '' : t.location.printedPage !== undefined ? `${t.location.printedPage} (PDF p. ${t.location.page})` : String(t.location.page),
      t.quote ?? '',
      t.corrected ? `corrected ${t.corrected.at}` : '',
    ];
    lines.push(row.map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
