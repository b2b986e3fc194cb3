/**
 * The issues list as an Excel workbook (ExcelJS): one sheet, a bold header row that stays in
 * view and carries filters, wrapped text, and the title and copy in the sheet's header so a
 * printout says which copy it is.
 */
import ExcelJS from 'exceljs';
import { hasPages, issueColumns, issuesTitle } from './columns.ts';
import type { IssuesList } from './issues-list.ts';

/** The list as .xlsx bytes. */
export async function issuesListXlsx(list: IssuesList): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Redliner';
  workbook.title = issuesTitle(list.contract, list.audience);
  const sheet = workbook.addWorksheet('Issues', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddHeader: `&L${escapeHeader(issuesTitle(list.contract, list.audience))}`, oddFooter: '&RPage &P of &N' },
  });
  const columns = issueColumns(list.audience, hasPages(list));
  const widths = columns.map((c) => Math.min(60, c.width));
  sheet.columns = columns.map((c, i) => ({ header: c.header, width: widths[i]!, style: { alignment: { wrapText: true, vertical: 'top' } } }));
  for (const row of list.rows) {
    // Strings only: nothing from the contract becomes a formula or a number format.
    const values = columns.map((c) => c.value(row));
    const added = sheet.addRow(values);
    // Spreadsheet programs do not all grow wrapped rows on open; an estimated height keeps
    // every line visible (about 1.1 characters per width unit, 15 points a line).
    const lines = Math.max(1, ...values.map((v, i) => v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / (widths[i]! * 1.1))), 0)));
    added.height = Math.min(409, lines * 15);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

// "&" starts a header code in Excel; a contract name with "&" must print as itself.
function escapeHeader(text: string): string {
  return text.replace(/&/g, '&&');
}
