/** The contract text, built from document.blocks as text nodes, with findings highlighted. */
import { h } from '../dom/h.ts';
import { blockSegments, layoutBlocks } from '../model/segments.ts';
import type { Block, Finding, ReviewDocument } from '../types.ts';

export interface RenderedContract {
  element: HTMLElement;
  /** Highlight elements for each finding id, in document order. */
  marks: Map<string, HTMLElement[]>;
  /** Block elements by block id, for scrolling to missing-language positions. */
  blocks: Map<string, HTMLElement>;
}

export function renderContract(doc: ReviewDocument, findings: readonly Finding[], onPick: (findingId: string) => void): RenderedContract {
  const marks = new Map<string, HTMLElement[]>();
  const blocks = new Map<string, HTMLElement>();

  const inline = (block: Block): Node[] =>
    blockSegments(doc.text, block, findings).map((segment) => {
      const text = segment.label ? h('span', { class: 'clause-label' }, segment.text) : document.createTextNode(segment.text);
      if (!segment.severity) return text;
      const mark = h('mark', { class: `hl sev-${segment.severity}`, title: 'Show this finding' }, text);
      const primary = segment.findingIds[0]!;
      mark.addEventListener('click', () => onPick(primary));
      for (const id of segment.findingIds) {
        const list = marks.get(id) ?? [];
        list.push(mark);
        marks.set(id, list);
      }
      return mark;
    });

  const blockElement = (block: Block): HTMLElement => {
    let element: HTMLElement;
    if (block.kind === 'heading') {
      const level = Math.min(Math.max(block.level ?? 1, 1), 4);
      element = h(level === 1 ? 'h2' : level === 2 ? 'h3' : 'h4', { class: 'c-heading' }, inline(block));
    } else if (block.kind === 'list-item') {
      element = h('p', { class: `c-item depth-${Math.min(Math.max(block.level ?? 1, 1), 6)}` }, inline(block));
    } else {
      element = h('p', { class: 'c-para' }, inline(block));
    }
    element.dataset.block = block.id;
    blocks.set(block.id, element);
    return element;
  };

  const article = h('article', { class: 'contract-text', 'aria-label': 'Contract text' });
  for (const item of layoutBlocks(doc.blocks)) {
    if (item.pageBreak !== null) article.appendChild(h('div', { class: 'page-marker', 'aria-hidden': 'true' }, `Page ${item.pageBreak}`));
    if (item.type === 'block') {
      article.appendChild(blockElement(item.block));
      continue;
    }
    const table = h('table', { class: 'c-table' });
    const body = h('tbody');
    for (const row of item.rows) {
      const tr = h('tr');
      for (const cell of row) {
        const td = h('td', {}, inline(cell));
        td.dataset.block = cell.id;
        blocks.set(cell.id, td);
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    table.appendChild(body);
    article.appendChild(table);
  }
  return { element: article, marks, blocks };
}
