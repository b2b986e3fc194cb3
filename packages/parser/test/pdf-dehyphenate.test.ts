import { describe, expect, it } from 'vitest';
import { buildVocabulary, shouldJoin, trailingHyphenWord } from '../src/pdf/dehyphenate.ts';

describe('dehyphenation decisions', () => {
  const vocab = buildVocabulary(['reimbursement is due', 'the self-funded plan', 'fifty-five days'], [['reim', 'bursement']]);

  it('joins a broken word the document uses elsewhere', () => {
    expect(shouldJoin('reim', 'bursement', vocab)).toBe(true);
  });

  it('keeps compounds, codes and number words', () => {
    expect(shouldJoin('self', 'funded', vocab)).toBe(false);
    expect(shouldJoin('CMS', '1500', vocab)).toBe(false);
    expect(shouldJoin('non', 'urgent', vocab)).toBe(false);
    expect(shouldJoin('fifty', 'five', vocab)).toBe(false);
  });

  it('joins unknown words only in documents that hyphenate automatically', () => {
    expect(shouldJoin('adjudi', 'cation', vocab)).toBe(false);
    const hyphenating = buildVocabulary(['reimbursement payment'], [['reim', 'bursement'], ['pay', 'ment'], ['adjudi', 'cation']]);
    expect(shouldJoin('adjudi', 'cation', hyphenating)).toBe(true);
  });

  it('takes a code broken at its hyphen for one, kept with its hyphen', () => {
    expect(trailingHyphenWord('all the provisions of WAC 284-170-')).toBe('170');
    expect(shouldJoin('170', '440', vocab)).toBe(false);
    expect(trailingHyphenWord('a total of $500 -')).toBeNull();
  });

  it('always joins at a soft hyphen', () => {
    expect(shouldJoin('self', 'funded', vocab, true)).toBe(true);
  });
});
