import { describe, expect, it } from 'vitest';
import { detectLabel } from '../src/clause-labels.ts';

describe('detectLabel', () => {
  it.each([
    ['ARTICLE IV TERM AND TERMINATION', 'ARTICLE IV', 1],
    ['Article 4. Term', 'Article 4', 1],
    ['Section 7.3 Recoupment. Plan may', 'Section 7.3', 2],
    ['§ 4.2 Notice', '§ 4.2', 2],
    ['4.2 Recoupment. Plan may recover', '4.2', 2],
    ['5.3(b)(ii) Plan may deny', '5.3(b)(ii)', 4],
    ['4. Term of Agreement', '4.', 1],
    ['(b) any claim submitted late', '(b)', 3],
    ['(iv) The Plan', '(iv)', 4],
    ['a) the first', 'a)', 3],
    ['Exhibit A - Fee Schedule', 'Exhibit A', 1],
    ['A. Plan issues benefits', 'A.', 2],
    ['A.2 Government Audits. The Department', 'A.2', 2],
    ['B.3.1 Records', 'B.3.1', 3],
  ])('%s → %s', (text, label, depth) => {
    expect(detectLabel(text)).toMatchObject({ label, depth });
  });

  it.each(['1.5 times the rate', '2024 Medicare fee schedule', '45 days after', 'WHEREAS, Plan', '$100.00 per visit', 'I. e. something'])('no label in "%s"', (text) => {
    expect(detectLabel(text)).toBeNull();
  });

  it('reports the label length including trailing punctuation', () => {
    expect(detectLabel('Article 4. Term')?.length).toBe(10);
    expect(detectLabel('4.2. Payment')?.length).toBe(4);
  });
});
