/**
 * The parser on the shared corpus: every gold quote of payer-dev is found in every rendering,
 * HiLabs footers stay out of clause text while one-off lines and attachment titles stay in, HiLabs
 * sentences stay whole across line and page breaks, names blacked out of the HiLabs PDFs read [REDACTED]
 * (and nothing in the unredacted payer-dev PDFs does), and every awkward PDF/DOCX gives a
 * document or a typed error within 10 s. Skips with a message when ../shared is absent.
 */
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParserPool, isParseError, parseDocument, parseDocumentOffThread, type ContractDocument } from '@redliner/parser';
import { corpusFiles, corpusPath, normalizeForMatch, payerDevContracts, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

if (!SHARED_DIR) console.warn(SKIP_MESSAGE);

describe.skipIf(!SHARED_DIR)('payer-dev gold quotes are in the parsed text', () => {
  const contracts = SHARED_DIR ? payerDevContracts() : [];
  for (const { slug, gold, renderings } of contracts) {
    for (const file of renderings) {
      it(`${basename(file)}: every flag and decoy quote is inside one block`, async () => {
        const document = await parseDocument(readFileSync(file), { name: basename(file) });
        const blocks = document.blocks.map((b) => normalizeForMatch(document.text.slice(b.start, b.end)));
        const missing = [...gold.flags, ...gold.decoys]
          .map((q) => q.quote)
          .filter((quote) => !blocks.some((b) => b.includes(normalizeForMatch(quote))));
        expect(missing, `${slug}: quotes not found in one block`).toEqual([]);
      });
    }
  }
});

/** The self-labeled (seen) HiLabs agreements. */
const SEEN_AGREEMENTS = ['TN_Contract2_', 'TN_Contract4_', 'TN_Standard_Template_', 'WA_1_', 'WA_3_', 'WA_Standard_'];

describe.skipIf(!SHARED_DIR)('HiLabs payer agreements', () => {
  const files = SHARED_DIR ? corpusFiles('payer/hilabs_2025', ['.pdf']).filter((f) => !/Problem_Statement/.test(f)) : [];
  for (const file of files) {
    it(`${basename(file)}: no running footer inside clauses; Articles and sections are labelled`, async () => {
      // Scanned pages read by OCR too: their footers come back with recognition errors, and
      // furniture removal matches them fuzzily against the text pages' footers. A generous OCR
      // limit per page, so a busy machine does not leave a page (and its footer) unread. Only the
      // six agreements whose OCR output we have read; the held-out four on their text layer.
      const ocr = SEEN_AGREEMENTS.some((stem) => basename(file).startsWith(stem));
      const document = await parseDocument(readFileSync(file), { name: basename(file), ocr, ocrPageTimeoutMs: 300_000 });
      const clauseTexts = document.blocks.filter((b) => b.kind !== 'heading').map((b) => document.text.slice(b.start, b.end));
      const residue = clauseTexts.filter((t) => /©|Provider Agreement\s*(?:Page\s*)?\d|\bPage \d+ of \d+\b/.test(t));
      expect(residue.slice(0, 3)).toEqual([]);
      const labels = document.blocks.map((b) => b.label ?? '');
      expect(labels.some((l) => /^ARTICLE\s+[IVX]+$/i.test(l))).toBe(true);
      expect(labels.filter((l) => /^\d+\.\d+$/.test(l)).length).toBeGreaterThan(10);
    }, 900_000);
  }
});

describe.skipIf(!SHARED_DIR)('HiLabs sentences stay whole across line and page breaks', () => {
  const hilabs = (stem: string) => corpusPath(`payer/hilabs_2025/${stem}.pdf`);
  // [file, label or null, text the one block must hold]
  const cases: Array<[string, string | null, string]> = [
    // A citation broken at its hyphen ("WAC 284-170-" / "440.") is not a clause "440.".
    ['WA_2_Redacted', '7.3', 'unless the process meets all the provisions of WAC 284-170-440.'],
    // A line pushed right by an erased name does not end the paragraph at the line after it.
    ['WA_2_Redacted', null, '"First Tier Entity(ies)" means any party that enters into a written agreement, acceptable to CMS, with [REDACTED] to provide administrative services or health care services for a Medicare eligible Member under the Medicare Advantage Program.'],
    ['TN_Contract5_Redacted', '7.3', 'all information necessary for [REDACTED] to submit such data to CMS as set forth in 42 CFR § 422.310 or any subsequent or additional regulatory provisions.'],
    // A page's first line that starts with a footer's word ("Attachment") is body text.
    ['TN_Contract5_Redacted', '2.3', 'in accordance with the Agreement and/or this Attachment. A denial of payment or any action taken by [REDACTED] pursuant to a utilization review, referral, discharge planning program'],
  ];
  const documents = new Map<string, Promise<ContractDocument>>();
  for (const [stem, label, text] of cases) {
    it(`${stem}.pdf: ${label ?? text.slice(0, 30)}`, async () => {
      if (!documents.has(stem)) documents.set(stem, parseDocument(readFileSync(hilabs(stem)), { name: `${stem}.pdf` }));
      const document = await documents.get(stem)!;
      const blocks = document.blocks.filter((b) => document.text.slice(b.start, b.end).includes(text));
      expect(blocks).toHaveLength(1);
      if (label) expect(blocks[0]!.label).toBe(label);
    });
  }

  it('WA_2_Redacted.pdf: attachment titles are headings, not dropped as running headers', async () => {
    const document = await parseDocument(readFileSync(hilabs('WA_2_Redacted')), { name: 'WA_2_Redacted.pdf' });
    const headings = document.blocks.filter((b) => b.kind === 'heading').map((b) => document.text.slice(b.start, b.end));
    expect(headings).toContain('MEDICAID PARTICIPATION ATTACHMENT TO THE [REDACTED] WASHINGTON, INC.');
    // Here the page's drawing is not read, so the name erased before "WASHINGTON" leaves no marker.
    expect(headings.filter((h) => /^MEDICARE ADVANTAGE PARTICIPATION ATTACHMENT TO THE .*WASHINGTON, INC\.$/.test(h))).toHaveLength(1);
  });
});

describe.skipIf(!SHARED_DIR)('names a redaction erased from the PDF text layer read [REDACTED]', () => {
  const hilabs = (stem: string) => corpusPath(`payer/hilabs_2025/${stem}.pdf`);
  const cases: Array<[string, string[]]> = [
    // Black boxes inside lines, at a line's end and at the next line's start.
    ['WA_1_Redacted', ['Provider acknowledges and agrees that [REDACTED] may deny payment', 'at the sole discretion of [REDACTED] [REDACTED] may assign this Agreement', 'shall not apply to Actions by [REDACTED] against Provider']],
    ['TN_Standard_Template_Redacted', ['If [REDACTED] does not receive payment, [REDACTED] reserves the right to offset']],
    // The redaction kept as "█████" glyphs in the text layer.
    ['WA_Standard_Redacted', ['is subject to modification by [REDACTED] at any time']],
    // A box at a paragraph's last line end, and at the start of a line pushed right of the margin.
    ['WA_2_Redacted', ['if paid in error, shall be refunded to [REDACTED]', 'if the amendment is being effected by [REDACTED] to comply with a Regulatory Requirement']],
    // Glyphs removed with no box, leaving their spaces: "that , Health", "related to 's Medicare".
    ['TN_Contract3_Redacted', ['Provider acknowledges that [REDACTED], Health and Human Services', "transactions related to [REDACTED]'s Medicare Advantage contract"]],
  ];
  for (const [stem, expected] of cases) {
    it(`${stem}.pdf`, async () => {
      const document = await parseDocument(readFileSync(hilabs(stem)), { name: `${stem}.pdf` });
      for (const text of expected) expect(document.text).toContain(text);
      expect(document.text).not.toMatch(/[\u2580-\u259f]/);
      // The payer acts through the token in these agreements, so it is the payer's term.
      expect(document.parties.payer.terms).toContain('[REDACTED]');
      expect(document.parties.provider.terms).not.toContain('[REDACTED]');
    });
  }

  const payerDevPdfs = SHARED_DIR ? corpusFiles('payer-dev/docs', ['.pdf']) : [];
  for (const file of payerDevPdfs) {
    it(`${basename(file)} (not redacted) has no [REDACTED]`, async () => {
      const document = await parseDocument(readFileSync(file), { name: basename(file) });
      expect(document.text.length).toBeGreaterThan(1000);
      expect(document.text).not.toContain('[REDACTED]');
    });
  }
});

describe.skipIf(!SHARED_DIR)('awkward corpus files: a document or a typed error within 10 s', () => {
  const files = SHARED_DIR ? [...corpusFiles('pdf', ['.pdf']), ...corpusFiles('docx', ['.docx', '.dotx'])] : [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await closeParserPool();
  });

  for (const file of files) {
    it(basename(file), async () => {
      const started = Date.now();
      // OCR of a page with a picture has its own per-page limit (packages/parser/test/pdf-ocr.test.ts);
      // the 10 s here is for reading the file itself.
      const outcome = await parseDocumentOffThread(readFileSync(file), { name: basename(file), ocr: false }, { timeoutMs: 10_000 }).then(
        (document) => ({ ok: true as const, document }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      expect(Date.now() - started).toBeLessThan(10_000);
      if (outcome.ok) {
        expect(typeof outcome.document.text).toBe('string');
        for (const block of outcome.document.blocks) expect(block.end).toBeGreaterThan(block.start);
      } else {
        expect(isParseError(outcome.error), String(outcome.error)).toBe(true);
        if (isParseError(outcome.error)) expect(outcome.error.code).not.toBe('PARSE_TIMEOUT');
      }
      expect(unhandled).toEqual([]);
    });
  }
});

