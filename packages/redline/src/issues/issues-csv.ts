/**
 * The issues list as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads the curly
 * quotes and section signs of contract text correctly).
 */
import { hasPages, issueColumns } from './columns.ts';
import type { IssuesList } from './issues-list.ts';

// A cell that starts like a formula would run in a spreadsheet (CSV injection): contract text
// is the payer's, so it is shown as text.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The list as CSV text: a header row, then one row per issue, CRLF line ends. */
export function issuesListCsv(list: IssuesList): string {
  const columns = issueColumns(list.audience, hasPages(list));
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const row of list.rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
