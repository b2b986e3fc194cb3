/**
 * A DOCX whose main part is not plainly `word/document.xml` (the root relationship names
 * `word/document2.xml`, or writes `./word/document.xml`) is redlined like any other: every change
 * and comment lands, the comments part hangs off that main part, and the file stays valid.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { redline } from '../src/index.ts';
import { absenceAfter, entryText, findingOn, parsed } from './helpers.ts';
import { newValidationErrors } from './ooxml-validate.ts';

const VARIANTS = [
  { file: 'payer-draft.docx', main: 'word/document.xml' },
  { file: 'main-part-document2.docx', main: 'word/document2.xml' },
  { file: 'main-part-dot-slash.docx', main: 'word/document.xml' },
];

describe.each(VARIANTS)('$file (main part $main)', async ({ file, main }) => {
  const { bytes, doc } = await parsed(file);
  const findings = [
    findingOn(doc, 'thirty (30) days’', { op: 'replace', text: 'one hundred eighty (180) days’' }, 'notice@1'),
    absenceAfter(doc, 'ten (10) years after the date of service.', '3.3 Plan shall not audit a claim more than twelve (12) months after it was paid.', 'lookback@2'),
  ];
  const result = await redline({ document: doc, findings, original: bytes, options: { author: 'Provider Counsel', date: new Date('2026-12-01T10:00:00Z'), audience: 'internal', acceptUndecided: true } });

  it('makes every change and comment, none skipped', async () => {
    expect(result.skipped).toEqual([]);
    expect(result.applied.map((a) => [a.findingId, a.change, a.comment])).toEqual([['notice@1', 'replace', true], ['lookback@2', 'new-paragraph', true]]);
    const accepted = await parseDocument(result.bytes, { name: file });
    expect(accepted.sourceMap.format === 'docx' && accepted.sourceMap.spans.every((s) => s.part === main || !s.part.endsWith('.xml') || /notes\.xml$/.test(s.part))).toBe(true);
    expect(accepted.text).toContain('3.3 Plan shall not audit a claim more than twelve (12) months');
  });

  it('hangs the comments part off the main part it edited', async () => {
    const slash = main.lastIndexOf('/');
    const rels = await entryText(result.bytes, `${main.slice(0, slash + 1)}_rels/${main.slice(slash + 1)}.rels`);
    expect(rels).toMatch(/relationships\/comments" Target="comments.xml"/);
    expect((await entryText(result.bytes, 'word/comments.xml')).match(/<w:comment /g)).toHaveLength(2);
  });

  it('writes a valid Word file', () => {
    expect(newValidationErrors(result.bytes, bytes)).toEqual([]);
  });
});
