/**
 * A scanned contract, made here: a payer-dev PDF's pages rendered to pictures by pdftoppm and
 * wrapped as an image-only PDF. OCR must give text in which the contract's gold quotes are found
 * (≥ 95 %, normalized), findings must carry page rectangles, and the document must say which
 * pages were read by OCR. Skips with a message without ../shared or poppler's pdftoppm.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageBoxes, parseDocument } from '@redliner/parser';
import { analyze, loadRuleset } from '@redliner/rules';
import { hasPdftoppm, scanWithPdftoppm } from '../packages/parser/test/scanned-pdf.ts';
import { corpusPath, normalizeForMatch, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE, type GoldFile } from './support/shared-corpus.ts';

const poppler = hasPdftoppm();
if (!SHARED_DIR) console.warn(SKIP_MESSAGE);
else if (!poppler) console.warn('pdftoppm (poppler-utils) not found; the scanned-contract check is skipped.');

const SLUG = '04-lab-services-lbm';

describe.skipIf(!SHARED_DIR || !poppler)('a scanned payer-dev contract, read by OCR', () => {
  it(`${SLUG}: gold quotes found, findings on the page, OCR pages named`, async () => {
    const scanned = scanWithPdftoppm(corpusPath('payer-dev', 'docs', `${SLUG}.pdf`), 200)!;
    const gold = JSON.parse(readFileSync(corpusPath('payer-dev', 'gold', `${SLUG}.json`), 'utf8')) as GoldFile;
    const document = await parseDocument(scanned, { name: `${SLUG} (scanned).pdf` });

    const text = normalizeForMatch(document.text);
    const quotes = [...gold.flags, ...gold.decoys].map((q) => q.quote);
    const found = quotes.filter((quote) => text.includes(normalizeForMatch(quote)));
    expect(found.length / quotes.length, `missing: ${quotes.filter((q) => !found.includes(q)).join(' | ')}`).toBeGreaterThanOrEqual(0.95);

    const ocrPages = document.warnings.filter((w) => w.code === 'PDF_OCR_PAGE').flatMap((w) => w.pages ?? []);
    expect(ocrPages).toEqual(Array.from({ length: document.pages! }, (_, i) => i + 1));

    const { ruleset } = loadRuleset(join(REPO_ROOT, 'rulesets', 'payer-core'));
    const { findings } = analyze(document, ruleset);
    const located = findings.filter((f) => f.span);
    expect(located.length).toBeGreaterThan(5);
    for (const finding of located) {
      const boxes = pageBoxes(document.sourceMap, finding.span!);
      expect(boxes.length, finding.ruleId).toBeGreaterThan(0);
      expect(boxes.every((b) => b.page >= 1 && b.page <= document.pages! && b.x >= 0 && b.x + b.width <= 612.5 && b.y >= 0 && b.y + b.height <= 792.5), finding.ruleId).toBe(true);
    }
  }, 300_000);
});
