/** New clauses numbered like their neighbours when the contract types its numbers (new-clause-label.ts). */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { redline } from './validated-redline.ts';
import { newLabel } from '../src/new-clause-label.ts';
import { absenceAfter, parsed } from './helpers.ts';
import { textDocument } from './text-document.ts';
import { trackedParagraphs, view } from './tracked-views.ts';

const OPTIONS = { comments: false, author: 'Counsel', date: '2025-02-01T09:00:00Z' };

describe('newLabel', () => {
  it('counts on, or adds a letter when the next number is taken', () => {
    expect(newLabel('3.2', new Set(['3.1', '3.2']))).toBe('3.3');
    expect(newLabel('3.1', new Set(['3.1', '3.2']))).toBe('3.1A');
    expect(newLabel('3.1', new Set(['3.1', '3.2', '3.1A']))).toBe('3.1B');
    expect(newLabel('12.', new Set(['12.']))).toBe('13.');
    expect(newLabel('4.10A', new Set(['4.10', '4.11']))).toBe('4.10B');
    expect(newLabel('Section 4.1', new Set())).toBe('Section 4.2');
    expect(newLabel('(b)', new Set(['(a)', '(b)']))).toBe('(c)');
    expect(newLabel('(b)', new Set(['(a)', '(b)', '(c)']))).toBeNull();
    expect(newLabel('(iv)', new Set())).toBeNull();
  });
});

describe('a new clause after a typed number', () => {
  const doc = textDocument([
    { kind: 'heading', level: 1, label: '3', text: '3 Audits' },
    { kind: 'paragraph', label: '3.1', text: '3.1 Plan may audit claims.' },
    { kind: 'paragraph', label: '3.2', text: '3.2 Provider shall keep records for ten (10) years.' },
    { kind: 'heading', level: 1, label: '4', text: '4 General' },
  ]);
  const end = absenceAfter(doc, 'ten (10) years.', 'Plan shall not audit a claim more than twelve (12) months after payment.', 'lookback');
  const middle = absenceAfter(doc, 'Plan may audit claims.', 'Audits take place on thirty (30) days written notice.', 'notice');
  const numbered = absenceAfter(doc, 'ten (10) years.', '3.9 Plan shall pay for copies.', 'copies');
  const second = absenceAfter(doc, 'ten (10) years.', 'Plan shall give the audit results in writing.', 'results');

  it('takes the next number at the end of an article, a lettered one in its middle, and keeps a number the text has', async () => {
    const result = await redline({ document: doc, findings: [end, middle, numbered, second], decisions: { lookback: { action: 'accept' }, notice: { action: 'accept' }, copies: { action: 'accept' }, results: { action: 'accept' } }, options: OPTIONS });
    // Read back by our parser, which writes out Word's generated numbers as the reader sees them.
    const back = await parseDocument(result.bytes, { name: 'redlined.docx' });
    const accepted = back.blocks.map((b) => back.text.slice(b.start, b.end));
    expect(accepted).toContain('3.3 Plan shall not audit a claim more than twelve (12) months after payment.');
    expect(accepted).toContain('3.1A Audits take place on thirty (30) days written notice.');
    expect(accepted).toContain('3.9 Plan shall pay for copies.');
    // Two new clauses after 3.2 count on in order.
    expect(accepted.indexOf('3.4 Plan shall give the audit results in writing.')).toBe(accepted.findIndex((p) => p.startsWith('3.3 ')) + 2);
  });
});

describe('a new clause in a Word file with list numbering', async () => {
  const { bytes, doc } = await parsed('payer-draft.docx');
  it('adds no typed number where Word numbers the clauses itself', async () => {
    const finding = absenceAfter(doc, 'claims payment policies.', 'Plan shall pay each clean claim within thirty (30) days.', 'pay');
    const result = await redline({ document: doc, findings: [finding], decisions: { pay: { action: 'accept' } }, original: bytes, options: OPTIONS });
    const accepted = view(await trackedParagraphs(result.bytes), 'accept').map((p) => p.text);
    const added = accepted.find((p) => p.includes('within thirty (30) days'));
    expect(added).toBeDefined();
    expect(added).not.toMatch(/^\s*\d/);
  });
});
