import { describe, expect, it } from 'vitest';
import { compilePatternSet } from '../src/compile/literal-prefilter.ts';

describe('compilePatternSet', () => {
  it('names the patterns whose literals occur, and always those without literals', () => {
    const set = compilePatternSet([String.raw`\bterminat\w*\s+without\s+cause`, String.raw`\d+\s*%`, String.raw`lesser\s+of`]);
    expect(set.match('Plan may terminate without cause.').sort()).toEqual([0, 1]);
    expect(set.match('the lesser of billed charges').sort()).toEqual([1, 2]);
    expect(set.match('nothing here')).toEqual([1]);
  });

  it('needs every atom of an `and`, not only the trigger it is indexed under', () => {
    const set = compilePatternSet([String.raw`\bshall\s+not\s+recoup\w*`]);
    expect(set.match('Plan shall not recoup any amount.')).toEqual([0]);
    // "recoup" (the rare word, its trigger) is present, "shall" is not.
    expect(set.match('Plan may recoup any amount.')).toEqual([]);
    // The common words alone never wake the pattern.
    expect(set.match('Plan shall not do so.')).toEqual([]);
  });

  it('filters a pattern with a party placeholder by its other words', () => {
    const set = compilePatternSet([String.raw`\b{payer}\s+may\s+terminate`, String.raw`\b{provider}\b`]);
    expect(set.match('Acme Health may terminate this Agreement.')).toEqual(expect.arrayContaining([0, 1]));
    expect(set.match('Nothing to see.')).toEqual([1]);
  });

  it('reports each pattern once per input, and forgets the previous input', () => {
    const set = compilePatternSet([String.raw`(?:audit|review)\w*\s+(?:records|books)`]);
    expect(set.match('audit and review of books and records')).toEqual([0]);
    expect(set.match('records only')).toEqual([]);
  });

  it('still names every pattern when its literals outgrow the memory budget, instead of failing', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}x${i * 7919}`);
    const set = compilePatternSet(['alpha', `(?:${words.join('|')})\\s+end`, 'beta'], 1 << 10);
    expect(set.match('nothing here')).toEqual(expect.arrayContaining([0, 1, 2]));
  });
});
