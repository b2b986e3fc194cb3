/**
 * Redlining Word files made by other producers (mammoth's and Open-XML-PowerTools' test
 * documents, docx.js templates, python-redlines samples: existing revisions, comments,
 * tables, lists, text boxes, footnotes) never yields a file that LibreOffice or mammoth
 * rejects or that adds an OOXML validation problem, and revisions already in the file are kept. Skips without ../shared.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { isParseError, parseDocument } from '@redliner/parser';
import type { ContractDocument } from '@redliner/parser';
import { isRedlineError, redline } from '@redliner/redline';
import type { Finding } from '@redliner/rules';
import { libreOfficeView, sofficePath } from '../packages/redline/test/helpers.ts';
import { newErrors, validateDocx } from '../packages/redline/test/ooxml-validate.ts';
import { corpusFiles, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

if (!SHARED_DIR) console.warn(SKIP_MESSAGE);
const soffice = sofficePath();

/** Replace the first word of up to three paragraphs that have source characters. */
function wordFindings(document: ContractDocument): Finding[] {
  const findings: Finding[] = [];
  const spans = document.sourceMap.format === 'docx' ? document.sourceMap.spans : [];
  for (const block of document.blocks) {
    if (findings.length >= 3 || block.kind === 'table-cell') continue;
    const text = document.text.slice(block.start, block.end);
    const word = /[A-Za-z]{4,}/.exec(text);
    if (!word || text.length < 20) continue;
    const start = block.start + word.index;
    const end = start + word[0].length;
    if (!spans.some((s) => s.start <= start && end <= s.end)) continue;
    findings.push({
      id: `word@${start}`, ruleId: 'word', concept: 'test', severity: 'low', kind: 'presence',
      message: `Test edit of “${word[0]}”.`, explanation: 'A test edit.', span: { start, end }, quote: word[0],
      location: {}, references: [], redline: { op: 'replace', span: { start, end }, text: word[0].toUpperCase(), alternatives: [] },
    });
  }
  return findings;
}

async function revisionAuthors(bytes: Uint8Array): Promise<Map<string, number>> {
  const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
  const counts = new Map<string, number>();
  for (const m of xml.matchAll(/<w:(?:ins|del|moveFrom|moveTo)\b[^>]*\bw:author="([^"]*)"/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return counts;
}

describe.skipIf(!SHARED_DIR)('redlining other producers\' Word files', () => {
  const files = SHARED_DIR ? corpusFiles('docx', ['.docx']) : [];
  for (const file of files) {
    it(basename(file), async () => {
      const original = new Uint8Array(readFileSync(file));
      let document: ContractDocument;
      try {
        document = await parseDocument(original, { name: basename(file) });
      } catch (error) {
        // Files the parser refuses (with a clear code) are not redlined at all.
        expect(isParseError(error), String(error)).toBe(true);
        return;
      }
      const findings = wordFindings(document);
      let result;
      try {
        result = await redline({ document, findings, original, options: { audience: 'internal', acceptUndecided: true } });
      } catch (error) {
        // Strict Open XML is refused with a clear, coded message rather than edited unsafely.
        expect(isRedlineError(error) && error.code, String(error)).toBe('REDLINE_UNSUPPORTED_DOCX');
        return;
      }
      expect(result.applied.length + result.skipped.length).toBe(findings.length);

      // The validator finds no problem the original file did not already have.
      const report = validateDocx(result.bytes, original);
      if (report) expect(newErrors(report)).toEqual([]);
      // mammoth still reads it.
      const raw = await mammoth.extractRawText({ buffer: Buffer.from(result.bytes) });
      expect(typeof raw.value).toBe('string');
      // Revisions of other authors are all still there.
      const before = await revisionAuthors(original);
      const after = await revisionAuthors(result.bytes);
      for (const [author, count] of before) expect(after.get(author) ?? 0, author).toBeGreaterThanOrEqual(count);
      // LibreOffice opens it (the conversion fails on a file it rejects) and sees our comments.
      if (soffice && result.applied.length > 0) {
        const view = libreOfficeView(soffice, result.bytes);
        expect(view.annotations).toBeGreaterThanOrEqual(1);
      }
    }, 120_000);
  }
});
