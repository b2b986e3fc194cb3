/**
 * Round trips on a DOCX full of Word-isms: the accepted view re-parses to the expected text,
 * untouched parts and paragraphs are unchanged, unsafe ranges fall back to comments, and
 * mammoth and LibreOffice read the result.
 */
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { parseDocument } from '@redliner/parser';
import type { ContractDocument } from '@redliner/parser';
import type { Finding } from '@redliner/rules';
import { redline } from './validated-redline.ts';
import type { RedlineResult } from '../src/index.ts';
import { absenceAfter, entries, entryText, findingOn, libreOfficeView, parsed, sofficePath } from './helpers.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const DATE = '2025-01-15T10:30:00Z';

interface Case {
  bytes: Uint8Array;
  doc: ContractDocument;
  findings: Finding[];
  result: RedlineResult;
}

async function wordIsmsCase(): Promise<Case> {
  const { bytes, doc } = await parsed('word-isms.docx');
  const findings = [
    // Split over four runs with proofErr and a bookmark inside the word.
    findingOn(doc, 'The Plan shall reimburse Provider.', { op: 'replace', text: 'The Plan shall pay Provider in full.' }, 'split-word'),
    // Inside another author's tracked insertion.
    findingOn(doc, 'thirty (30)', { op: 'replace', text: 'fifteen (15)' }, 'foreign-ins'),
    // Touches a REF field result: must be refused.
    findingOn(doc, 'Section 4.2 below', { op: 'replace', text: 'Section 5 below' }, 'field'),
    // Inside a locked content control: must be refused.
    findingOn(doc, 'January 1, 2026', { op: 'replace', text: 'March 1, 2026' }, 'locked'),
    // Plain insertion at the end of a clause, and a deletion inside a hyperlink paragraph.
    findingOn(doc, 'Plan may recoup overpayments.', { op: 'insert', text: ' Plan shall give 30 days notice first.' }, 'insert'),
    findingOn(doc, ' online', { op: 'delete', text: '' }, 'delete'),
    absenceAfter(doc, 'Late payments bear interest.', 'Plan shall pay interest at 12% per year on late payments.'),
  ];
  const result = await redline({ document: doc, findings, original: bytes, options: { date: DATE, author: 'Redliner', audience: 'internal', acceptUndecided: true } });
  return { bytes, doc, findings, result };
}

const soffice = sofficePath();

describe('redline a DOCX with Word-isms', async () => {
  const c = await wordIsmsCase();
  const out = await parseDocument(c.result.bytes, { name: 'out.docx' });

  it('applies safe changes and skips field results and locked content controls', () => {
    expect(c.result.skipped.map((s) => s.findingId).sort()).toEqual(['field', 'locked']);
    expect(c.result.skipped.find((s) => s.findingId === 'field')?.reason).toMatch(/field/);
    expect(c.result.applied.map((a) => [a.findingId, a.change])).toEqual([
      ['split-word', 'replace'],
      ['foreign-ins', 'replace'],
      ['insert', 'insert'],
      ['delete', 'delete'],
      ['missing-clause@absent', 'new-paragraph'],
    ]);
  });

  it('re-parses to the expected accepted text', () => {
    const expected = c.doc.text
      .replace('The Plan shall reimburse Provider.', 'The Plan shall pay Provider in full.')
      .replace('thirty (30)', 'fifteen (15)')
      .replace('Plan may recoup overpayments.', 'Plan may recoup overpayments. Plan shall give 30 days notice first.')
      .replace('Provider Manual online.', 'Provider Manual.')
      .replace('Section 1.2 Late payments bear interest.', 'Section 1.2 Late payments bear interest.\n\nSection 1.3 Plan shall pay interest at 12% per year on late payments.');
    expect(out.text).toBe(expected);
  });

  it('keeps every other part byte for byte and untouched paragraphs unchanged', async () => {
    const before = await entries(c.bytes);
    const after = await entries(c.result.bytes);
    const changed = [...after.keys()].filter((k) => !before.has(k) || Buffer.compare(Buffer.from(before.get(k)!), Buffer.from(after.get(k)!)) !== 0);
    // The fixture already has a comments part, so only it, the body and the styles change; it has
    // no settings part, so one is added (Track Changes on) with its relationship and content type.
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/comments.xml', 'word/document.xml', 'word/settings.xml', 'word/styles.xml']);

    const paras = async (bytes: Uint8Array) => {
      const dom = new DOMParser().parseFromString(await entryText(bytes, 'word/document.xml'), 'text/xml');
      const list = dom.getElementsByTagNameNS(W, 'p');
      return Array.from({ length: list.length }, (_, i) => new XMLSerializer().serializeToString(list.item(i)!));
    };
    const original = await paras(c.bytes);
    const edited = (await paras(c.result.bytes)).filter((p) => !p.includes('w:author="Redliner"') && !p.includes('commentRangeStart'));
    // Paragraphs we edited or commented disappear from the second list; all others are identical and in order.
    const untouched = original.filter((p) => edited.includes(p));
    expect(untouched).toEqual(edited);
    expect(untouched.length).toBeGreaterThan(original.length - 10);
  });

  it('appends comments to the existing comments part, with styles', async () => {
    const comments = await entryText(c.result.bytes, 'word/comments.xml');
    expect(comments.match(/<w:comment [^>]*w:author="Redliner"/g)).toHaveLength(c.findings.length);
    expect(comments).toContain('w:author="Redliner"');
    expect(comments).toContain(`w:date="${DATE}"`);
    expect(comments).toContain('Rule: test-rule');
    expect(comments).toContain('not applied as a tracked change');
    const styles = await entryText(c.result.bytes, 'word/styles.xml');
    expect(styles).toContain('w:styleId="CommentText"');
    expect(styles).toContain('w:styleId="CommentReference"');
    const doc = await entryText(c.result.bytes, 'word/document.xml');
    const existing = (await entryText(c.bytes, 'word/document.xml')).match(/<w:commentReference /g)?.length ?? 0;
    expect(doc.match(/<w:commentReference /g)).toHaveLength(c.findings.length + existing);
    // Every revision carries author and date; ids are unique across the part.
    const revisions = [...doc.matchAll(/<w:(ins|del) ([^>]*)>/g)].map((m) => m[2]!);
    expect(revisions.filter((r) => r.includes('Redliner')).every((r) => r.includes(`w:date="${DATE}"`))).toBe(true);
    const ids = [...doc.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('nests no insertion inside another author\'s insertion', async () => {
    const doc = await entryText(c.result.bytes, 'word/document.xml');
    expect(doc).not.toMatch(/<w:ins [^>]*Payer Counsel[^>]*>(?:(?!<\/w:ins>)[\s\S])*<w:ins /);
  });

  it('is readable by mammoth, which shows the accepted text', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(c.result.bytes) });
    expect(value).toContain('The Plan shall pay Provider in full.');
    expect(value).toContain('Plan shall pay interest at 12% per year');
    expect(value).not.toContain('reimburse');
  });

  it.skipIf(!soffice)('is read by LibreOffice with the tracked changes and comments', () => {
    const view = libreOfficeView(soffice!, c.result.bytes);
    expect(view.authors).toContain('Redliner');
    expect(view.insertions).toBeGreaterThanOrEqual(5);
    expect(view.deletions).toBeGreaterThanOrEqual(3);
    expect(view.annotations).toBeGreaterThanOrEqual(c.findings.length);
    expect(view.annotationText).toContain('Rule: test-rule');
  });
});

if (!soffice) console.warn('soffice not found: skipping the LibreOffice checks (apt-get install libreoffice-writer-nogui).');
