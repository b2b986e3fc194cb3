/** Decision validation (stable error codes), decision outcomes, and word-level hunks. */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { wordHunks } from '../src/index.ts';
import { redline } from './validated-redline.ts';
import type { RedlineError } from '../src/index.ts';
import { entryText, findingOn, parsed } from './helpers.ts';

async function setup() {
  const { bytes, doc } = await parsed('payer-draft.docx');
  const finding = findingOn(doc, 'thirty (30) days’ prior written notice', { op: 'replace', text: 'one hundred eighty (180) days’ prior written notice', alternatives: ['ninety (90) days’ prior written notice'] }, 'notice');
  return { bytes, doc, findings: [finding] };
}

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (error) {
    return (error as RedlineError).code;
  }
}

describe('decisions', async () => {
  const { bytes, doc, findings } = await setup();
  // The internal copy: these tests read the analytical comment (decision, reason, suggestion).
  const run = (decisions: unknown, comments = true) => redline({ document: doc, findings, decisions, original: bytes, options: { date: '2025-01-01T00:00:00Z', comments, audience: 'internal' } });

  it('rejects unknown finding ids, empty edits, missing alternatives and wrong shapes with stable codes', async () => {
    expect(await codeOf(run({ nope: { action: 'accept' } }))).toBe('REDLINE_UNKNOWN_FINDING');
    expect(await codeOf(run({ notice: { action: 'edit', text: '   ' } }))).toBe('REDLINE_EMPTY_EDIT');
    expect(await codeOf(run({ notice: { action: 'accept', alternative: 3 } }))).toBe('REDLINE_NO_ALTERNATIVE');
    expect(await codeOf(run({ notice: { action: 'maybe' } }))).toBe('REDLINE_INVALID_DECISIONS');
    expect(await codeOf(redline({ document: doc, findings, original: new Uint8Array([1, 2, 3]) }))).toBe('REDLINE_ORIGINAL_MISMATCH');
  });

  it('accepts a fallback alternative', async () => {
    const out = await parseDocument((await run({ notice: { action: 'accept', alternative: 0 } })).bytes, { name: 'o.docx' });
    expect(out.text).toContain('upon ninety (90) days’ prior written notice');
  });

  it('applies an edit as a minimal word-level change and puts the reason in the comment', async () => {
    const result = await run({ notice: { action: 'edit', text: 'sixty (60) days’ prior written notice', reason: 'Payer will not go beyond 60.' } });
    expect(result.applied[0]).toMatchObject({ outcome: 'edited', change: 'replace' });
    const xml = await entryText(result.bytes, 'word/document.xml');
    // Only the changed words are marked: "notice" stays outside any revision; brackets stay paired.
    expect(xml).toMatch(/<w:delText xml:space="preserve">thirty \(30\)<\/w:delText>/);
    expect(xml).toMatch(/<w:t xml:space="preserve">sixty \(60\)<\/w:t>/);
    expect(await entryText(result.bytes, 'word/comments.xml')).toContain('Payer will not go beyond 60.');
  });

  it('leaves the text of an undecided finding alone, with the suggestion in the internal comment, unless undecided findings are accepted', async () => {
    const result = await run({});
    expect(result.applied).toEqual([{ findingId: 'notice', outcome: 'undecided', comment: true }]);
    expect((await parseDocument(result.bytes, { name: 'o.docx' })).text).toBe(doc.text);
    const comments = await entryText(result.bytes, 'word/comments.xml');
    expect(comments).toContain('Not decided yet');
    expect(comments).toContain('one hundred eighty (180) days’ prior written notice');
    const draft = await redline({ document: doc, findings, original: bytes, options: { acceptUndecided: true } });
    const suggested = await parseDocument(draft.bytes, { name: 's.docx' });
    expect(suggested.text).toContain('one hundred eighty (180) days’ prior written notice');
  });

  it('leaves the text alone on reject, and adds no comment when comments are off', async () => {
    const rejected = await run({ notice: { action: 'reject', reason: 'fine as is' } });
    expect((await parseDocument(rejected.bytes, { name: 'o.docx' })).text).toBe(doc.text);
    expect(await entryText(rejected.bytes, 'word/comments.xml')).toMatch(/Rejected<\/w:t>[\s\S]*? — fine as is/);
    const silent = await run({ notice: { action: 'reject' } }, false);
    expect(silent.applied).toEqual([{ findingId: 'notice', outcome: 'rejected', comment: false }]);
    expect(Buffer.compare(Buffer.from(await entryText(silent.bytes, 'word/document.xml')), Buffer.from(await entryText(bytes, 'word/document.xml')))).toBe(0);
  });
});

describe('wordHunks', () => {
  it('marks only changed words, folds whitespace gaps and keeps bracket pairs whole', () => {
    expect(wordHunks('within thirty (30) days', 'within sixty (60) days')).toEqual([{ start: 7, end: 18, text: 'sixty (60)' }]);
  });
  it('falls back to a whole replacement when most text changed', () => {
    expect(wordHunks('Plan may audit at any time.', 'Audits are limited to 24 months after payment.')).toBeNull();
  });
});
