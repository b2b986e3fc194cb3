import { describe, expect, it } from 'vitest';
import { copiedLines, indexRuns, wordsOf } from '../scripts/eval/wording-overlap.ts';

describe('wording overlap', () => {
  const labeled = [{ source: 'bank-r01', text: 'Plan may terminate this Agreement without cause upon ninety (90) days\u2019 notice.' }];

  it('compares letters and digits only, so case, quotes and parentheses cannot hide a copy', () => {
    expect(wordsOf('Ninety (90) days\u2019 "notice"')).toEqual(['ninety', '90', 'days', 'notice']);
    const runs = indexRuns(labeled, 8);
    const rule = '  - text: "PLAN may terminate this agreement without cause upon ninety 90 days notice"\n  - text: unrelated';
    expect(copiedLines('r.yaml', rule, runs, 8)).toEqual([
      { file: 'r.yaml', line: 1, text: rule.split('\n')[0]!.trim(), sources: ['bank-r01'], run: 'plan may terminate this agreement without cause upon' },
    ]);
  });

  it('does not report a shorter shared run', () => {
    const runs = indexRuns(labeled, 8);
    expect(copiedLines('r.yaml', 'Carrier may terminate this Agreement without cause on short notice', runs, 8)).toEqual([]);
    expect(copiedLines('r.yaml', 'may terminate this Agreement without cause upon ninety', runs, 8)).toHaveLength(1);
  });
});

describe('wording overlap across lines', () => {
  it('finds a run wrapped over two lines of a YAML file, at the line where it starts', () => {
    const runs = indexRuns([{ source: 'gold/a.json', text: 'interest at one and one-half percent per month from the due date' }], 8);
    const yaml = 'suggestion: >\n  Plan shall pay interest at one and one-half\n  percent per month from the day after the deadline.';
    expect(copiedLines('r.yaml', yaml, runs, 8).map((c) => [c.line, c.run])).toEqual([[2, 'interest at one and one half percent per']]);
  });
});
