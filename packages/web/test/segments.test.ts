import { describe, expect, it } from 'vitest';
import { blockForFinding, blockSegments, highlightable, layoutBlocks } from '../src/model/segments.ts';
import { BLOCKS, TEXT, finding } from './fixtures.ts';

describe('blockSegments', () => {
  it('returns the whole block as plain text when nothing is found', () => {
    const segments = blockSegments(TEXT, BLOCKS[0]!, []);
    expect(segments).toEqual([{ text: 'ARTICLE 4 PAYMENT', start: 0, end: 17, findingIds: [], severity: null, label: false }]);
  });

  it('cuts at the clause label and at each finding boundary, reassembling the exact text', () => {
    const b1 = BLOCKS[1]!;
    const f = finding('recoup@1', 'medium', 'recoup overpayments');
    const segments = blockSegments(TEXT, b1, [f]);
    expect(segments.map((s) => s.text).join('')).toBe(TEXT.slice(b1.start, b1.end));
    expect(segments[0]).toMatchObject({ text: '4.1', label: true, severity: null });
    const hit = segments.find((s) => s.findingIds.length > 0)!;
    expect(hit).toMatchObject({ text: 'recoup overpayments', severity: 'medium', findingIds: ['recoup@1'], label: false });
  });

  it('orders overlapping findings by severity and splits the overlap', () => {
    const b1 = BLOCKS[1]!;
    const low = finding('a@1', 'low', 'may recoup overpayments');
    const high = finding('b@1', 'high', 'overpayments at any time');
    const segments = blockSegments(TEXT, b1, [low, high]);
    expect(segments.map((s) => s.text).join('')).toBe(TEXT.slice(b1.start, b1.end));
    expect(segments.find((s) => s.text === 'may recoup ')?.findingIds).toEqual(['a@1']);
    expect(segments.find((s) => s.text === 'overpayments')).toMatchObject({ findingIds: ['b@1', 'a@1'], severity: 'high' });
    expect(segments.find((s) => s.text === ' at any time')?.findingIds).toEqual(['b@1']);
  });

  it('clips a finding that runs across blocks to each block', () => {
    const f = finding('x@0', 'high', 'PAYMENT\n\n4.1 Plan');
    const first = blockSegments(TEXT, BLOCKS[0]!, [f]);
    const second = blockSegments(TEXT, BLOCKS[1]!, [f]);
    expect(first.filter((s) => s.severity).map((s) => s.text)).toEqual(['PAYMENT']);
    expect(second.filter((s) => s.severity).map((s) => s.text)).toEqual(['4.1', ' Plan']);
  });

  it('never highlights absence findings or empty spans', () => {
    const absent = finding('gone@absent', 'high', null);
    const empty = { ...finding('e@1', 'low', 'Plan'), span: { start: 23, end: 23 } };
    expect(highlightable([absent, empty])).toEqual([]);
  });

  it('keeps markup-looking contract text as literal text', () => {
    const b4 = BLOCKS[4]!;
    const segments = blockSegments(TEXT, b4, [finding('s@1', 'low', '<script>alert(1)</script>')]);
    expect(segments[0]!.text).toBe('<script>alert(1)</script>');
  });
});

describe('layoutBlocks', () => {
  it('groups table cells into rows and marks page changes', () => {
    const items = layoutBlocks(BLOCKS);
    expect(items.map((i) => i.type)).toEqual(['block', 'block', 'table', 'block']);
    expect(items.map((i) => i.pageBreak)).toEqual([1, null, 2, null]);
    const table = items[2]!;
    expect(table.type === 'table' && table.rows.map((r) => r.map((c) => c.id))).toEqual([['b2', 'b3']]);
  });
});

describe('blockForFinding', () => {
  it('finds the block of a span, or of the insertion point of missing language', () => {
    expect(blockForFinding(BLOCKS, finding('r@1', 'low', 'recoup'))?.id).toBe('b1');
    expect(blockForFinding(BLOCKS, { ...finding('m@absent', 'high', null), insertAt: BLOCKS[1]!.end })?.id).toBe('b1');
    expect(blockForFinding(BLOCKS, finding('n@absent', 'high', null))).toBeUndefined();
  });
});
