/**
 * Markdown rendering of a ContractDocument through mdast + remark-stringify, so contract text
 * containing `*`, `_`, `|`, `#` or a leading "1." is escaped instead of turning into markup.
 */
import type { Block, ContractDocument } from '@redliner/parser';
import type { PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

function textOf(document: ContractDocument, block: Block): PhrasingContent[] {
  return [{ type: 'text', value: document.text.slice(block.start, block.end) }];
}

function tableNode(document: ContractDocument, cells: Block[]): Table {
  const rows = new Map<number, Block[]>();
  for (const cell of cells) {
    const row = cell.table?.row ?? 0;
    rows.set(row, [...(rows.get(row) ?? []), cell]);
  }
  const width = Math.max(...cells.map((c) => (c.table?.col ?? 0) + 1));
  const children: TableRow[] = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, rowCells]) => ({
      type: 'tableRow',
      children: Array.from({ length: width }, (_, col) => {
        const cell = rowCells.find((c) => c.table?.col === col);
        return { type: 'tableCell', children: cell ? textOf(document, cell) : [] };
      }),
    }));
  return { type: 'table', children };
}

/** Build the mdast tree: headings by level, clauses as paragraphs, tables as GFM tables. */
export function documentToMdast(document: ContractDocument): Root {
  const children: RootContent[] = [];
  const blocks = document.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'table-cell' && block.table) {
      const tableNo = block.table.table;
      const cells: Block[] = [];
      while (i < blocks.length && blocks[i]!.kind === 'table-cell' && blocks[i]!.table?.table === tableNo) cells.push(blocks[i++]!);
      i--;
      children.push(tableNode(document, cells));
    } else if (block.kind === 'heading') {
      const depth = Math.min(6, Math.max(1, (block.level ?? 1) + 1)) as 1 | 2 | 3 | 4 | 5 | 6;
      children.push({ type: 'heading', depth, children: textOf(document, block) });
    } else {
      children.push({ type: 'paragraph', children: textOf(document, block) });
    }
  }
  return { type: 'root', children: [{ type: 'heading', depth: 1, children: [{ type: 'text', value: document.name }] }, ...children] };
}

/** Render the document as GitHub-flavoured Markdown. */
export function renderDocumentMarkdown(document: ContractDocument): string {
  return unified().use(remarkGfm).use(remarkStringify, { bullet: '-', fences: true }).stringify(documentToMdast(document));
}
