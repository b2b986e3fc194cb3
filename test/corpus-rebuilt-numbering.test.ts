/**
 * A DOCX rebuilt from a PDF writes its clause labels as Word list numbering
 * (packages/redline/src/rebuilt-numbering.ts). On every payer-dev and HiLabs PDF, reading the
 * rebuilt file back with our parser gives every paragraph the PDF's own label and text, and
 * most labels are generated rather than typed. Text layer only (OCR off, for CI time).
 * Skips with a message without ../shared.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import type { ContractDocument } from '@redliner/parser';
import { redline } from '../packages/redline/test/validated-redline.ts';
import { corpusFiles, payerDevContracts, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

if (!SHARED_DIR) console.warn(SKIP_MESSAGE);

/** "label|text" of each paragraph outside tables; the placeholders for scanned pages are the rebuilt file's own. */
function clauses(doc: ContractDocument): string[] {
  return doc.blocks
    .filter((b) => b.kind !== 'table-cell' && !doc.text.startsWith('[Page ', b.start))
    .map((b) => `${b.label ?? ''}|${doc.text.slice(b.start, b.end)}`);
}

describe.skipIf(!SHARED_DIR)('the rebuilt DOCX numbers clauses as Word lists and keeps the PDF’s labels', () => {
  const files = SHARED_DIR
    ? [...payerDevContracts().flatMap((c) => c.renderings).filter((f) => f.endsWith('.pdf')), ...corpusFiles('payer/hilabs_2025', ['.pdf']).filter((f) => !/Problem_Statement/.test(f))]
    : [];
  for (const file of files) {
    it(basename(file), async () => {
      const document = await parseDocument(new Uint8Array(readFileSync(file)), { name: basename(file), ocr: false });
      const { bytes } = await redline({ document, findings: [], decisions: {}, options: { author: 'Provider Counsel', date: '2025-03-01T09:00:00Z', comments: false } });
      const back = await parseDocument(bytes, { name: 'rebuilt.docx' });
      expect(clauses(back)).toEqual(clauses(document));
      const labelled = document.blocks.filter((b) => b.label && b.kind !== 'table-cell').length;
      const generated = await numberedParagraphs(bytes);
      expect(generated, 'paragraphs with Word numbering').toBeGreaterThan(labelled * 0.8);
    }, 120_000);
  }
});

async function numberedParagraphs(bytes: Uint8Array): Promise<number> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return (xml.match(/<w:numPr>/g) ?? []).length;
}
