/**
 * The issues list as a Word document (the `docx` library): landscape, a title that says which
 * copy it is, and one table whose header row repeats on every page.
 */
import { Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { hasPages, issueColumns, issuesTitle } from './columns.ts';
import type { IssuesList } from './issues-list.ts';

/** The list as .docx bytes. */
export async function issuesListDocx(list: IssuesList): Promise<Uint8Array> {
  const columns = issueColumns(list.audience, hasPages(list));
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const cell = (text: string, width: number, bold = false) => new TableCell({
    width: { size: Math.round((width / total) * 5000), type: WidthType.PERCENTAGE },
    // One paragraph per line of the text, so a multi-paragraph clause keeps its breaks.
    children: (text || ' ').split(/\n+/).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, size: 18 })] })),
  });
  const header = new TableRow({ tableHeader: true, children: columns.map((c) => cell(c.header, c.width, true)) });
  const rows = list.rows.map((row) => new TableRow({ cantSplit: false, children: columns.map((c) => cell(c.value(row), c.width)) }));
  const body: Array<Paragraph | Table> = [
    new Paragraph({ children: [new TextRun({ text: issuesTitle(list.contract, list.audience), bold: true, size: 28 })] }),
  ];
  body.push(list.rows.length === 0
    ? new Paragraph({ children: [new TextRun({ text: list.audience === 'payer' ? 'No changes requested.' : 'No findings.' })] })
    : new Table({ width: { size: 5000, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }));
  const document = new Document({
    creator: 'Redliner',
    title: issuesTitle(list.contract, list.audience),
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
