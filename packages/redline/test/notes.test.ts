import { describe, expect, it } from 'vitest';
import { redline } from './validated-redline.ts';
import { absenceAfter, entryText, findingOn, parsed } from './helpers.ts';

describe('findings inside footnotes', () => {
  it('tracks the change in the footnote but anchors the comment on the body paragraph that cites the note', async () => {
    const { bytes, doc } = await parsed('word-isms.docx');
    const finding = findingOn(doc, 'limited to 24 months', { op: 'replace', text: 'limited to 12 months' });
    const result = await redline({ document: doc, findings: [finding], original: bytes, options: { audience: 'internal', acceptUndecided: true } });
    expect(result.skipped).toEqual([]);
    const footnotes = await entryText(result.bytes, 'word/footnotes.xml');
    const body = await entryText(result.bytes, 'word/document.xml');
    expect(footnotes).toMatch(/<w:ins [^>]*>.*12/s);
    // LibreOffice refuses comment ranges inside notes, so none may be there.
    expect(footnotes).not.toContain('commentRangeStart');
    expect(body).toMatch(/<w:commentRangeStart w:id="\d+"\/>/);
    expect(result.applied[0]).toMatchObject({ comment: true, change: 'replace' });
  });
});

describe('a missing clause in a document with footnotes', () => {
  it('goes after the last body paragraph, not into the notes that end the document text', async () => {
    const { bytes, doc } = await parsed('word-isms.docx');
    const finding = absenceAfter(doc, doc.text.slice(-10), 'Prompt Payment. Plan shall pay each Clean Claim within thirty (30) days.');
    const result = await redline({ document: doc, findings: [finding], original: bytes, options: { acceptUndecided: true } });
    expect(result.applied[0]).toMatchObject({ change: 'new-paragraph' });
    expect(await entryText(result.bytes, 'word/footnotes.xml')).not.toContain('Prompt Payment');
    expect(await entryText(result.bytes, 'word/document.xml')).toContain('Prompt Payment');
  });
});
