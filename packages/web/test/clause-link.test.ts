import { describe, expect, it } from 'vitest';
import { blockAtOffset, clauseHash, clauseOffset } from '../src/model/clause-link.ts';
import { CHECKLIST_STATUS } from '../src/model/review.ts';
import { BLOCKS, TEXT } from './fixtures.ts';

describe('links from the checklist to a clause', () => {
  it('round-trips a clause offset through the address fragment', () => {
    expect(clauseHash(19)).toBe('clause-19');
    expect(clauseOffset(clauseHash(19))).toBe(19);
  });

  it('tells a clause fragment from a finding id', () => {
    expect(clauseOffset('audit-lookback-unlimited@19')).toBeNull();
    expect(clauseOffset('clause-')).toBeNull();
    expect(clauseOffset('clause-12x')).toBeNull();
  });

  it('finds the block that holds the offset, or the last one before it', () => {
    const start = TEXT.indexOf('4.1 Plan may recoup');
    expect(blockAtOffset(BLOCKS, start)?.id).toBe('b1');
    expect(blockAtOffset(BLOCKS, start + 10)?.id).toBe('b1');
    // The blank line between two blocks belongs to neither: the one before it is shown.
    expect(blockAtOffset(BLOCKS, BLOCKS[1]!.end + 1)?.id).toBe('b1');
    expect(blockAtOffset([], 5)).toBeUndefined();
  });

  it('names the new status in plain words', () => {
    expect(CHECKLIST_STATUS.review).toBe('Not detected');
  });
});
