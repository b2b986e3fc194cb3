/**
 * Plan changes in `ContractDocument.text` coordinates, for sources we rebuild rather than edit
 * (PDF): inline edits per block (word-level where that reads better) and new paragraphs.
 */
import type { Block, ContractDocument } from '@redliner/parser';
import type { PlannedFinding } from './decisions.ts';
import { withoutLeadingLabel } from './locate-docx.ts';
import { wordHunks } from './word-hunks.ts';

/** Replace `[start, end)` of the document text with `text` (start === end: pure insertion). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  findingId: string;
}

/** A new paragraph after block `after` (index into `document.blocks`; -1 = at the start). */
export interface NewParagraph {
  after: number;
  text: string;
  findingId: string;
}

/** All edits, new paragraphs, and changes that could not be placed. */
export interface TextPlan {
  edits: TextEdit[];
  paragraphs: NewParagraph[];
  skipped: Map<string, string>;
  kinds: Map<string, 'replace' | 'insert' | 'delete' | 'new-paragraph'>;
}

/** Place every planned change on the document text. */
export function planTextEdits(doc: ContractDocument, plans: PlannedFinding[]): TextPlan {
  const out: TextPlan = { edits: [], paragraphs: [], skipped: new Map(), kinds: new Map() };
  for (const plan of plans) {
    const c = plan.change;
    const id = plan.finding.id;
    if (!c) continue;
    if (c.op === 'insert' || !c.span) {
      const at = c.insertAt ?? doc.text.length;
      const block = blockIndexAt(doc.blocks, at);
      if (c.newParagraph || c.op !== 'insert' || block < 0 || at > doc.blocks[block]!.end) {
        out.paragraphs.push({ after: block, text: c.text, findingId: id });
        out.kinds.set(id, 'new-paragraph');
      } else {
        out.edits.push({ start: at, end: at, text: c.text, findingId: id });
        out.kinds.set(id, 'insert');
      }
      continue;
    }
    const start = withoutLeadingLabel(doc, c.span.start, c.span.end, c.text);
    const end = c.span.end;
    const block = doc.blocks.find((b) => b.start <= start && end <= b.end);
    if (!block) {
      out.skipped.set(id, 'the change crosses paragraphs; edit it by hand');
      continue;
    }
    if (out.edits.some((e) => e.start < end && start < e.end)) {
      out.skipped.set(id, 'it overlaps another accepted change in the same clause');
      continue;
    }
    const hunks = c.op === 'replace' ? wordHunks(doc.text.slice(start, end), c.text) : null;
    if (hunks) for (const h of hunks) out.edits.push({ start: start + h.start, end: start + h.end, text: h.text, findingId: id });
    else out.edits.push({ start, end, text: c.text, findingId: id });
    out.kinds.set(id, c.op);
  }
  out.edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

/** Index of the block containing `at`, or of the last block before it (-1 if none). */
export function blockIndexAt(blocks: Block[], at: number): number {
  let found = -1;
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.start > at) break;
    found = i;
  }
  return found;
}
