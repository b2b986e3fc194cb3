import { describe, expect, it } from 'vitest';
import { splitClauses, splitSentences } from '../src/match/sentences.ts';

const split = (text: string) => splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));

describe('sentence splitting in legal text', () => {
  it('does not split at legal abbreviations and citations', () => {
    expect(split('Plan may audit under Sec. 4.2 of the Act, i.e. any claim. See 42 U.S.C. § 1395 and 42 C.F.R. Part 422. No. 3 applies. Acme Health, Inc. and Provider agree.')).toEqual([
      'Plan may audit under Sec. 4.2 of the Act, i.e. any claim.',
      'See 42 U.S.C. § 1395 and 42 C.F.R. Part 422.',
      'No. 3 applies.',
      'Acme Health, Inc. and Provider agree.',
    ]);
  });

  it('keeps clause labels and decimals inside their sentence', () => {
    expect(split('(a) Provider shall bill. Plan pays 1.5% per month.')).toEqual(['(a) Provider shall bill.', 'Plan pays 1.5% per month.']);
    expect(split('12. Provider shall bill monthly.')).toEqual(['12. Provider shall bill monthly.']);
  });

  it('reads statute citations as one sentence, but a capitalised word before a new sentence as an end', () => {
    expect(split('Plan shall pay under Tenn. Code Ann. § 56-7-109. Provider shall bill.')).toEqual(['Plan shall pay under Tenn. Code Ann. § 56-7-109.', 'Provider shall bill.']);
    expect(split('Interest accrues under Cal. Ins. Code § 1371 and Wash. Admin. Code 284-170. Plan may audit.')).toEqual(['Interest accrues under Cal. Ins. Code § 1371 and Wash. Admin. Code 284-170.', 'Plan may audit.']);
    expect(split('The member lives in Cal. Plan shall pay.')).toEqual(['The member lives in Cal.', 'Plan shall pay.']);
  });

  it('returns absolute offsets inside a larger text', () => {
    const text = 'Heading\n\nOne sentence. Two sentence.';
    expect(splitSentences(text, 9, text.length)).toEqual([{ start: 9, end: 22 }, { start: 23, end: 36 }]);
  });
});

describe('splitClauses', () => {
  it('splits a sentence at semicolons and keeps a sentence without one whole', () => {
    const text = 'Provider may terminate on ninety days notice; Plan may terminate at any time; and neither may assign.';
    const clauses = splitClauses(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));
    expect(clauses).toEqual(['Provider may terminate on ninety days notice;', 'Plan may terminate at any time;', 'and neither may assign.']);
    expect(splitClauses('One clause.', { start: 0, end: 11 })).toEqual([{ start: 0, end: 11 }]);
  });
});
