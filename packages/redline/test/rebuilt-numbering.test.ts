/**
 * Clause labels of a DOCX rebuilt from a PDF are Word list numbering (rebuilt-numbering.ts):
 * each paragraph still shows exactly the PDF's label, gaps and restarts included, read back by
 * our parser and by LibreOffice; a new clause after the last of a list joins it; Reject All
 * gives the rebuilt original back; the file stays valid.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { redline } from '../src/index.ts';
import { labelReadings } from '../src/rebuilt-numbering.ts';
import { absenceAfter, entryText, findingOn, sofficePath } from './helpers.ts';
import { newValidationErrors } from './ooxml-validate.ts';
import { textDocument } from './text-document.ts';
import { trackedParagraphs, view } from './tracked-views.ts';

describe('labelReadings', () => {
  const read = (label: string) => labelReadings(label).map((r) => `${r.scheme.prefix}|${r.scheme.format}:${r.value}|${r.scheme.suffix}`);
  it('reads a label as one number in a Word format, with the literal text around it', () => {
    expect(read('4.2')).toEqual(['4.|decimal:2|']);
    expect(read('12.')).toEqual(['|decimal:12|.']);
    expect(read('ARTICLE IV')).toEqual(['ARTICLE |upperRoman:4|']);
    expect(read('(iii)')).toEqual(['(|lowerRoman:3|)', '(|lowerLetter:61|)']);
    // "(i)" first as a roman one, "(c)" first as a letter; the caller picks the list it continues.
    expect(read('(i)')).toEqual(['(|lowerRoman:1|)', '(|lowerLetter:9|)']);
    expect(read('(c)')).toEqual(['(|lowerLetter:3|)', '(|lowerRoman:100|)']);
    expect(read('b)')).toEqual(['|lowerLetter:2|)']);
    expect(read('EXHIBIT A')).toEqual(['EXHIBIT |upperLetter:1|']);
    expect(read('(aa)')).toEqual(['(|lowerLetter:27|)']);
    expect(read('05')).toEqual(['|decimalZero:5|']);
  });

  it('reads nothing Word could not write back the same way', () => {
    for (const label of ['Iv', '(iiv)', '(ab)', '100%', 'Section', '0']) expect(labelReadings(label), label).toEqual([]);
  });
});

// Gaps (1.3 missing), restarts ("(a)" again), a roman list, articles, a label alone, a final unlabelled paragraph.
const doc = textDocument([
  { kind: 'heading', level: 1, label: 'ARTICLE I', text: 'ARTICLE I TERM' },
  { kind: 'paragraph', label: '1.1', text: '1.1 This Agreement begins on the Effective Date.' },
  { kind: 'paragraph', label: '1.2', text: '1.2 Plan may offset overpayments against any payment.' },
  { kind: 'paragraph', label: '(a)', text: '(a) Plan gives notice first.' },
  { kind: 'paragraph', label: '(b)', text: '(b) Provider may dispute the offset.' },
  { kind: 'paragraph', label: '1.4', text: '1.4 The numbering skips a clause here.' },
  { kind: 'paragraph', label: '(a)', text: '(a) A list that starts again.' },
  { kind: 'paragraph', label: '(i)', text: '(i) A roman item.' },
  { kind: 'paragraph', label: '(ii)', text: '(ii) Another roman item.' },
  { kind: 'heading', level: 1, label: 'ARTICLE II', text: 'ARTICLE II PAYMENT' },
  { kind: 'paragraph', label: '2.1', text: '2.1 Plan shall pay Clean Claims within sixty (60) days.' },
  { kind: 'heading', level: 1, label: 'ARTICLE III', text: 'ARTICLE III' },
  { kind: 'paragraph', label: '3.1', text: '3.1 A caption alone above keeps its label as text.' },
  { kind: 'paragraph', text: 'IN WITNESS WHEREOF the parties sign below.' },
]);
const OPTIONS = { author: 'Counsel', date: '2025-02-01T09:00:00Z', comments: false } as const;
const blockTexts = (d: { blocks: Array<{ start: number; end: number; label?: string }>; text: string }) => d.blocks.map((b) => `${b.label ?? ''}|${d.text.slice(b.start, b.end)}`);

describe('a Word file rebuilt from a PDF numbers its clauses as Word lists', async () => {
  const pristine = await redline({ document: doc, findings: [], decisions: {}, options: OPTIONS });
  const body = await entryText(pristine.bytes, 'word/document.xml');
  const numbering = await entryText(pristine.bytes, 'word/numbering.xml');

  it('generates every label but one standing alone, and reads back with the same labels and text', async () => {
    expect(body.match(/<w:numPr>/g)).toHaveLength(12);
    expect(body).not.toContain('1.4 The numbering');
    // A paragraph holding only a generated number would read as empty.
    expect(body).toContain('>ARTICLE III<');
    expect(numbering).toContain('w:val="ARTICLE %1"');
    expect(numbering).toContain('w:val="1.%1"');
    // The gap and the restart are start overrides: 1.4 after 1.2, "(a)" again.
    expect(numbering).toMatch(/<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"\/>/);
    const back = await parseDocument(pristine.bytes, { name: 'rebuilt.docx' });
    expect(blockTexts(back)).toEqual(blockTexts(doc));
  });

  it('numbers a new clause after the last of its list, keeps the others, and Reject All gives the original back', async () => {
    const findings = [
      findingOn(doc, 'sixty (60) days', { op: 'replace', text: 'thirty (30) days' }, 'prompt'),
      findingOn(doc, '1.2 Plan may offset overpayments against any payment.', { op: 'delete', text: '' }, 'offset'),
      absenceAfter(doc, 'within sixty (60) days.', 'Plan shall not recoup any amount under dispute.', 'recoup'),
    ];
    const decisions = Object.fromEntries(findings.map((f) => [f.id, { action: 'accept' as const }]));
    const result = await redline({ document: doc, findings, decisions, options: OPTIONS });
    expect(result.skipped).toEqual([]);
    const accepted = blockTexts(await parseDocument(result.bytes, { name: 'redlined.docx' }));
    expect(accepted).toContain('2.2|2.2 Plan shall not recoup any amount under dispute.');
    const added = (await entryText(result.bytes, 'word/document.xml')).split('</w:p>').find((p) => p.includes('Plan shall not recoup')) ?? '';
    expect(added).toContain('<w:numPr>');
    expect(added).not.toContain('2.2 Plan');
    expect(accepted).toContain('2.1|2.1 Plan shall pay Clean Claims within thirty (30) days.');
    // A struck clause keeps its number (composition writes "Intentionally omitted."); the others keep the PDF's.
    expect(accepted).toContain('1.2|1.2 Intentionally omitted.');
    expect(accepted.some((t) => t.includes('offset overpayments'))).toBe(false);
    expect(accepted).toContain('1.4|1.4 The numbering skips a clause here.');
    const shown = async (bytes: Uint8Array) => view(await trackedParagraphs(bytes, { labels: true }), 'reject').map((p) => ({ text: p.text, numbered: p.numbered }));
    const original = await shown(pristine.bytes);
    expect(await shown(result.bytes)).toEqual(original);
    // Numbers included, as the PDF printed them.
    expect(original.map((p) => p.text)).toEqual(doc.blocks.map((b) => doc.text.slice(b.start, b.end)));
    expect(newValidationErrors(result.bytes)).toEqual([]);
  });

  const soffice = sofficePath();
  it.skipIf(!soffice)('shows the PDF’s labels in LibreOffice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rebuilt-numbering-'));
    try {
      writeFileSync(join(dir, 'in.docx'), pristine.bytes);
      execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, join(dir, 'in.docx')], { stdio: 'ignore', timeout: 120_000 });
      const lines = readFileSync(join(dir, 'in.txt'), 'utf8').replace(/^\uFEFF/, '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
      const shown = doc.blocks.map((b) => doc.text.slice(b.start, b.end));
      for (const text of shown) expect(lines, text).toContain(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
