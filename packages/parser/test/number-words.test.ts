import { describe, expect, it } from 'vitest';
import { trailingNumberValues } from '../src/number-words.ts';

describe('trailingNumberValues', () => {
  it.each([
    ['for a term of one', [1]],
    ['within forty-five', [5, 45]],
    ['no less than thirty', [30]],
    ['before the expiration of the three hundred sixty-five', [5, 65, 365]],
    ['every twenty-one', [1, 21]],
    ['one hundred and twenty', [20, 120]],
  ])('"%s" → %j', (text, values) => {
    expect(trailingNumberValues(text)).toEqual(values);
  });

  it.each(['This Claim must be', 'the longer of', '42 CFR § 422.504(i)', 'Members; and', ''])('no number words at the end of "%s"', (text) => {
    expect(trailingNumberValues(text)).toEqual([]);
  });
});
