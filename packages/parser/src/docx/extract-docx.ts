/**
 * DOCX to RawDocument: the body in reading order (paragraphs, headings, list items with Word's
 * generated labels, table cells), then footnotes and endnotes. Headers and footers are page
 * furniture, not contract text, and are left out.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { ParseError } from '../errors.ts';
import type { RawBlock, RawDocument } from '../raw-document.ts';
import type { ParseWarning } from '../types.ts';
import { storyContext, walkBlocks } from './body-walker.ts';
import { readNumbering } from './numbering.ts';
import type { NumberingDefs } from './numbering.ts';
import { W_STRICT_NS, isW, wAttr, wChild, wChildren } from './ooxml-dom.ts';
import { openDocxPackage } from './open-package.ts';
import { commentsWarning, trackedChangesWarning } from './review-warnings.ts';
import { readStyles } from './styles.ts';
import type { StyleSheet } from './styles.ts';
import type { ZipLimits } from './zip-limits.ts';

/** Options for `extractDocx`. */
export interface ExtractDocxOptions {
  /** File name, for messages. */
  name: string;
  /** Override the zip-bomb limits (tests). */
  zipLimits?: ZipLimits;
}

const NO_TEXT =
  'This Word document has no text to review: it is empty, or its pages are pictures (for example scanned pages pasted into Word). Open it in Word to check; for scanned pages, run OCR on the original scan and upload the searchable PDF.';

/** Read a DOCX into blocks with exact source maps; throws ParseError for files it cannot read. */
export async function extractDocx(bytes: Uint8Array, options: ExtractDocxOptions): Promise<RawDocument> {
  const pkg = await openDocxPackage(bytes, options.name, options.zipLimits);
  const warnings: ParseWarning[] = [...pkg.warnings];
  const root = pkg.main.documentElement;
  const body = root && isW(root, 'document') ? wChild(root, 'body') : null;
  if (!root || !body) {
    throw new ParseError('DOCX_CORRUPT', 'Redliner cannot read this file as a Word document: its main part has no document body. Open it in Word and save it again as "Word Document (.docx)".', { file: options.name });
  }
  if (root.namespaceURI === W_STRICT_NS) {
    warnings.push({ code: 'DOCX_STRICT_FORMAT', message: 'This document is saved in the "Strict Open XML" format. Redliner read it, but Word tracked-change export works best from a regular .docx: re-save it in Word as "Word Document (.docx)" before exporting.' });
  }

  const styles = readStyles(pkg.related.get('styles')?.doc ?? null);
  const numbering = readNumbering(pkg.related.get('numbering')?.doc ?? null, styles);
  const tableCount = { next: 0 };
  const bodyCtx = storyContext(pkg.mainPath, root, styles, numbering, tableCount);
  walkBlocks(body, bodyCtx);
  const blocks: RawBlock[] = [...bodyCtx.blocks];
  const skipped = new Set(bodyCtx.skipped);

  for (const kind of ['footnotes', 'endnotes'] as const) {
    const notes = pkg.related.get(kind);
    if (!notes) continue;
    blocks.push(...noteBlocks(notes.path, notes.doc, kind === 'footnotes' ? 'footnote' : 'endnote', styles, numbering, tableCount, skipped));
  }

  const stories = [pkg.main, ...(['footnotes', 'endnotes'] as const).flatMap((k) => pkg.related.get(k)?.doc ?? [])];
  const tracked = trackedChangesWarning(stories);
  if (tracked) warnings.push(tracked);
  const comments = commentsWarning(pkg.related.get('comments')?.doc ?? null);
  if (comments) warnings.push(comments);
  if (!blocks.some((block) => /\S/.test(block.text))) {
    // Like a scanned PDF: reviewing nothing and reporting no findings would read as "no risks".
    const embedded = skipped.has('altChunk') ? ' Its content is embedded from another file (an "alt chunk"): open it in Word and save it again to merge that content into the document.' : '';
    throw new ParseError('DOCX_NO_TEXT', NO_TEXT + embedded, { file: options.name });
  }
  if (skipped.has('altChunk')) {
    warnings.push({ code: 'DOCX_EMBEDDED_CONTENT', message: 'Part of this document is embedded from another file (an "alt chunk") and was not read. Open it in Word and save it again to merge that content into the document.' });
  }
  return { format: 'docx', blocks, warnings };
}

/** Blocks of the real notes of a notes part; separator notes (the rule above the notes) are skipped. */
function noteBlocks(part: string, doc: Document, noteName: string, styles: StyleSheet, numbering: NumberingDefs, tableCount: { next: number }, skipped: Set<string>): RawBlock[] {
  const root = doc.documentElement;
  if (!root) return [];
  const ctx = storyContext(part, root, styles, numbering, tableCount);
  for (const note of wChildren(root as Element, noteName)) {
    const type = wAttr(note, 'type');
    if (type && type !== 'normal') continue;
    walkBlocks(note, ctx);
  }
  for (const s of ctx.skipped) skipped.add(s);
  return ctx.blocks;
}
