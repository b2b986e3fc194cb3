/**
 * OCR speed: seconds per scanned page, on the committed one-page scan (always) and on a payer-dev
 * contract "scanned" in the run with pdftoppm (when ../shared and poppler are there). There is no
 * reference program to compare with in the same run, so the number is absolute; the target is
 * that no page runs into the per-page time limit (30 s), which would leave it unread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type ContractDocument } from '@redliner/parser';
import { hasPdftoppm, scanWithPdftoppm } from '../packages/parser/test/scanned-pdf.ts';
import { corpusPath, REPO_ROOT, SHARED_DIR } from '../test/support/shared-corpus.ts';

async function timed(bytes: Uint8Array, name: string): Promise<{ ms: number; document: ContractDocument }> {
  const started = performance.now();
  const document = await parseDocument(bytes, { name });
  return { ms: performance.now() - started, document };
}

const ocrPages = (document: ContractDocument) => document.warnings.filter((w) => w.code === 'PDF_OCR_PAGE').length;
const timedOut = (document: ContractDocument) => document.warnings.filter((w) => w.code === 'PDF_OCR_TIMEOUT').flatMap((w) => w.pages ?? []).length;

/** Run the OCR benchmark and print a table. Returns false when a page ran into its time limit. */
export async function benchOcr(): Promise<boolean> {
  const inputs: Array<{ name: string; bytes: Uint8Array }> = [{ name: 'scanned-text.pdf (1 page, 150 dpi)', bytes: new Uint8Array(readFileSync(join(REPO_ROOT, 'packages/parser/test/fixtures/pdf/scanned-text.pdf'))) }];
  if (SHARED_DIR && hasPdftoppm()) {
    inputs.push({ name: '04-lab-services-lbm.pdf scanned (7 pages, 200 dpi)', bytes: scanWithPdftoppm(corpusPath('payer-dev', 'docs', '04-lab-services-lbm.pdf'), 200)! });
  } else console.log('OCR benchmark: ../shared or pdftoppm missing; only the committed one-page scan is timed.');
  console.log('\nOCR: seconds per scanned page (whole parse of an image-only PDF divided by its pages; each document starts the OCR engine, the first run also loads the code)');
  console.log('file | pages | first run s/page | second run s/page | pages over the time limit');
  let ok = true;
  for (const { name, bytes } of inputs) {
    const first = await timed(bytes, name);
    const warm = await timed(bytes, name);
    const pages = Math.max(1, ocrPages(warm.document));
    const over = timedOut(first.document) + timedOut(warm.document);
    if (over > 0) ok = false;
    console.log(`${name} | ${pages} | ${(first.ms / 1000 / pages).toFixed(2)} | ${(warm.ms / 1000 / pages).toFixed(2)} | ${over}`);
  }
  console.log(`OCR target (every scanned page read within its 30 s limit): ${ok ? 'met' : 'MISSED'}`);
  return ok;
}
