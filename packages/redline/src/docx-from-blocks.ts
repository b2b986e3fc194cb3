/**
 * PDF sources: a new DOCX (docx 9.x) with the contract's headings, labelled clauses,
 * paragraphs and tables from `document.blocks`, the accepted changes as tracked
 * insertions/deletions and each finding as a comment. Track changes is switched on so
 * counsel's own later edits are tracked too.
 */
import { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { IParagraphOptions, ParagraphChild } from 'docx';
import type { Block, ContractDocument } from '@redliner/parser';
import { commentFor, findingPosition, markFirstComment } from './comment-content.ts';
import type { CommentParagraph } from './comment-content.ts';
import type { Audience, PlannedFinding } from './decisions.ts';
import { initialsOf } from './result.ts';
import type { AppliedFinding, RedlineResult } from './result.ts';
import { counterFrom } from './revision-ids.ts';
import { blockLayout, missingPageParagraph, missingPages, REBUILT_STYLES, runningHeaderFooter } from './rebuilt-layout.ts';
import { planRebuiltNumbering } from './rebuilt-numbering.ts';
import { blockIndexAt, planTextEdits } from './text-edits.ts';
import type { TextEdit } from './text-edits.ts';

/** Inputs of the PDF path. */
export interface BlocksRedlineInput {
  document: ContractDocument;
  plans: PlannedFinding[];
  author: string;
  date: string;
  /** Which comments to write (see `commentFor`). */
  audience: Audience;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

interface CommentMark {
  id: number;
  start: number;
  end: number;
}

/** Build the redlined DOCX from the parsed blocks. */
export async function docxFromBlocks(input: BlocksRedlineInput): Promise<RedlineResult> {
  const { document: doc, plans, author, date } = input;
  const ids = counterFrom(1);
  const plan = planTextEdits(doc, plans);
  const comments: Array<{ id: number; paragraphs: CommentParagraph[]; at: number }> = [];
  const marks: CommentMark[] = [];
  const paragraphComments = new Map<string, number>();
  const commented = new Set<string>();
  for (const p of plans) {
    const skipped = plan.skipped.get(p.finding.id);
    if (!p.comment && !skipped) continue;
    const text = commentFor(input.audience, p, skipped);
    if (text.length === 0) continue;
    const id = comments.length;
    comments.push({ id, paragraphs: text, at: findingPosition(p) });
    commented.add(p.finding.id);
    if (plan.kinds.get(p.finding.id) === 'new-paragraph') paragraphComments.set(p.finding.id, id);
    else marks.push(commentMark(doc, p, id));
  }

  markFirstComment(input.audience, comments, (c) => c.at);
  const revision = () => ({ id: ids.next(), author, date });
  // Before a table or at the end of the body a new clause may take over the paragraph's mark
  // (below), and a mark cannot be both numbered and not: that paragraph keeps its label typed.
  // It depends on the document alone, so every copy of one PDF has the same numbering.
  const lastOfContainer = (i: number) => i === doc.blocks.length - 1 || doc.blocks[i + 1]!.kind === 'table-cell';
  const numbering = planRebuiltNumbering(doc, lastOfContainer);
  // `anchorMark`: the anchor's own paragraph properties, given to the last new paragraph when
  // it takes over the anchor's mark (see below); otherwise every new mark is an inserted one.
  const newParagraphs = (after: number, anchorMark?: IParagraphOptions) => {
    const added = plan.paragraphs.filter((n) => n.after === after);
    return added.map((n, k) => {
      const c = paragraphComments.get(n.findingId);
      // A new clause numbered like the clause before it ("3.3" after "3.2") joins its list.
      const listed = numbering.continueAfter(after, n.text);
      const body: ParagraphChild[] = [new InsertedTextRun({ text: listed?.text ?? n.text, ...revision() })];
      const children = c === undefined ? body : [new CommentRangeStart(c), ...body, new CommentRangeEnd(c), new TextRun({ children: [new CommentReference(c)] })];
      if (anchorMark && k === added.length - 1) return new Paragraph({ ...anchorMark, children });
      const list: IParagraphOptions = listed ? { numbering: listed.numbering, indent: blockLayout(doc, after).indent } : {};
      return new Paragraph({ ...list, children, run: { insertion: revision() } });
    });
  };

  const scans = missingPages(doc);
  const placeholders = (after: number) => (scans.get(after) ?? []).map(missingPageParagraph);
  const children: Array<Paragraph | Table> = [...placeholders(-1), ...newParagraphs(-1)];
  for (let i = 0; i < doc.blocks.length; i++) {
    const block = doc.blocks[i]!;
    if (block.kind === 'table-cell' && block.table) {
      const cells: Block[] = [];
      while (i < doc.blocks.length && doc.blocks[i]!.table?.table === block.table.table) cells.push(doc.blocks[i++]!);
      i--;
      children.push(tableOf(cells, (b) => blockRuns(doc, b, b.start, plan.edits, marks, revision)));
      for (const c of cells) children.push(...newParagraphs(doc.blocks.indexOf(c)));
      children.push(...placeholders(i));
      continue;
    }
    const listed = numbering.blocks.get(i);
    const runs = blockRuns(doc, block, listed?.bodyStart ?? block.start, plan.edits, marks, revision);
    const heading = block.kind === 'heading' ? HEADINGS[Math.min(3, Math.max(0, (block.level ?? 1) - 1))] : undefined;
    const own: IParagraphOptions = { ...(heading ? { heading } : {}), ...(listed ? { numbering: listed.numbering } : {}), spacing: { after: 120 }, ...blockLayout(doc, i) };
    // Before a table or at the end of the body a rejected new mark has no paragraph to join:
    // as Word does on Enter, the anchor's mark is the inserted one and the last new paragraph keeps the anchor's.
    const last = lastOfContainer(i);
    const added = plan.paragraphs.some((n) => n.after === i);
    // A paragraph struck whole loses its mark too, so Accept All leaves no empty paragraph.
    const struck = !last && plan.edits.some((e) => e.start <= block.start && e.end >= block.end && e.text === '');
    const mark = last && added ? { run: { insertion: revision() } } : struck ? { run: { deletion: revision() } } : {};
    children.push(new Paragraph({ children: runs, ...own, ...mark }));
    children.push(...newParagraphs(i, last ? own : undefined));
    children.push(...placeholders(i));
  }

  const document = new Document({
    creator: author,
    lastModifiedBy: author,
    title: doc.name,
    features: { trackRevisions: true },
    styles: REBUILT_STYLES,
    numbering: numbering.options,
    comments: {
      children: comments.map((c) => ({
        id: c.id,
        author,
        initials: initialsOf(author),
        date: new Date(date),
        children: c.paragraphs.map((runs) => new Paragraph({ children: runs.map((r) => new TextRun({ text: r.text, bold: r.bold ?? false, italics: r.italic ?? false })) })),
      })),
    },
    sections: [{ ...runningHeaderFooter(doc), children }],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(document));
  const applied: AppliedFinding[] = plans
    .filter((p) => !plan.skipped.has(p.finding.id))
    .map((p) => {
      const entry: AppliedFinding = { findingId: p.finding.id, outcome: p.outcome, comment: commented.has(p.finding.id) };
      const kind = plan.kinds.get(p.finding.id);
      if (kind) entry.change = kind;
      return entry;
    });
  return { bytes, applied, skipped: [...plan.skipped].map(([findingId, reason]) => ({ findingId, reason })) };
}

function commentMark(doc: ContractDocument, p: PlannedFinding, id: number): CommentMark {
  const span = p.finding.span;
  if (span) return { id, start: span.start, end: span.end };
  // Absence without an applied paragraph: anchor on the block at the insertion point.
  const block = doc.blocks[Math.max(0, blockIndexAt(doc.blocks, p.finding.insertAt ?? 0))];
  return { id, start: block?.start ?? 0, end: block?.end ?? 0 };
}

/**
 * The runs of one block from offset `from` (after a label Word numbering writes): plain text,
 * deletions, insertions and comment markers in order. What starts inside the label starts after
 * it, since the generated number is no text to mark: a paragraph struck whole strikes its mark,
 * and with it the number.
 */
function blockRuns(doc: ContractDocument, block: Block, from: number, edits: TextEdit[], marks: CommentMark[], revision: () => { id: number; author: string; date: string }): ParagraphChild[] {
  const clamp = (offset: number) => Math.max(offset, from);
  const mine = edits.filter((e) => e.start >= block.start && e.end <= block.end).map((e) => ({ ...e, start: clamp(e.start), end: clamp(e.end) }));
  // Comments crossing blocks start in the first block and end in the last one.
  const starts = marks.filter((m) => m.start >= block.start && m.start < block.end).map((m) => ({ ...m, start: clamp(m.start) }));
  const ends = marks.filter((m) => m.end > block.start && m.end <= block.end && m.start < m.end).map((m) => ({ ...m, end: clamp(m.end) }));
  const points = new Set<number>([from, block.end]);
  for (const e of mine) points.add(e.start).add(e.end);
  for (const m of starts) points.add(m.start);
  for (const m of ends) points.add(m.end);
  const sorted = [...points].sort((a, b) => a - b);
  const out: ParagraphChild[] = [];
  sorted.forEach((at, k) => {
    for (const e of mine) if (e.end === at && e.text) out.push(new InsertedTextRun({ text: e.text, ...revision() }));
    for (const m of ends) if (m.end === at) out.push(new CommentRangeEnd(m.id), new TextRun({ children: [new CommentReference(m.id)] }));
    for (const m of starts) if (m.start === at) out.push(new CommentRangeStart(m.id));
    const next = sorted[k + 1];
    if (next === undefined) return;
    const text = doc.text.slice(at, next);
    if (!text) return;
    const deleted = mine.some((e) => e.start <= at && next <= e.end && e.start < e.end);
    out.push(deleted ? new DeletedTextRun({ text, ...revision() }) : new TextRun(text));
  });
  return out;
}

function tableOf(cells: Block[], runs: (b: Block) => ParagraphChild[]): Table {
  const rows = new Map<number, Block[]>();
  for (const c of cells) rows.set(c.table!.row, [...(rows.get(c.table!.row) ?? []), c]);
  const width = Math.max(...[...rows.values()].map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [...rows.values()].map((row, r) => new TableRow({
      // The first row repeats at the top of each page, as a table's header does.
      tableHeader: r === 0,
      children: Array.from({ length: width }, (_, i) => {
        const cell = row.find((c) => c.table!.col === i);
        return new TableCell({ children: [new Paragraph({ children: cell ? runs(cell) : [] })] });
      }),
    })),
  });
}
