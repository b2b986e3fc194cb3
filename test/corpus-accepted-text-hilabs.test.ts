/**
 * The accepted-text bar of corpus-accepted-text.test.ts on contracts nobody tuned the redline
 * on: the ten HiLabs payer agreements (PDFs, so the DOCX is rebuilt from their text). Every
 * suggestion accepted (payer copy) and mixed decisions (internal copy): Accept All reads as
 * clean contract text, Reject All gives the original back, and the file adds no OOXML
 * validation problem. Text layer only (OCR off, for CI time), except WA_1, whose two scanned
 * pages are read with OCR, so a rebuilt file with recognized text is checked too.
 * Skips with a message without ../shared.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { analyze, loadRuleset } from '@redliner/rules';
import { VALIDATOR_SKIP } from '../packages/redline/test/ooxml-validate.ts';
import { checkScenarios } from './support/redline-scenarios.ts';
import { corpusFiles, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

if (!SHARED_DIR) console.warn(SKIP_MESSAGE);
else if (VALIDATOR_SKIP) console.warn(VALIDATOR_SKIP);

/** The agreement read with OCR: two scanned pages, a few seconds each. */
const OCR_AGREEMENT = 'WA_1_Redacted.pdf';

describe.skipIf(!SHARED_DIR)('HiLabs agreements: the accepted text is clean and Reject All restores the original', () => {
  const { ruleset } = loadRuleset(join(REPO_ROOT, 'rulesets', 'payer-core'));
  const files = SHARED_DIR ? corpusFiles('payer/hilabs_2025', ['.pdf']).filter((f) => !/Problem_Statement/.test(f)) : [];
  for (const file of files) {
    const ocr = basename(file) === OCR_AGREEMENT;
    it(`${basename(file)}${ocr ? ' (scanned pages by OCR)' : ''}`, async () => {
      const original = new Uint8Array(readFileSync(file));
      const document = await parseDocument(original, { name: basename(file), ocr, ocrPageTimeoutMs: 120_000 });
      const { findings } = analyze(document, ruleset);
      await checkScenarios(document, findings, original);
    }, 180_000);
  }
});

