import { describe, expect, it } from 'vitest';
import { filterAtoms, filterHolds, literalFilter } from '../src/compile/literal-atoms.ts';
import { formsAlternation } from '../src/vocabulary/phrase-source.ts';
import { wordForms } from '../src/vocabulary/inflect.ts';

const holds = (source: string, text: string) => {
  const filter = literalFilter(source);
  const lower = text.toLowerCase();
  return filterHolds(filter, new Set([...filterAtoms(filter)].filter((atom) => lower.includes(atom))));
};

describe('literalFilter', () => {
  it('requires every literal of a sequence and one branch of an alternation', () => {
    const source = String.raw`\bshall\s+not\s+(?:terminate|cancel)\s+(?:the\s+)?agreement`;
    expect(holds(source, 'Plan shall not cancel the Agreement')).toBe(true);
    expect(holds(source, 'Plan shall cancel the Agreement')).toBe(false);
    expect(holds(source, 'Plan shall not end the Agreement')).toBe(false);
  });

  it('merges the forms of a vocabulary word into their shared stem', () => {
    const filter = literalFilter(formsAlternation(wordForms('terminate')));
    expect(filter).toEqual({ atom: 'terminat' });
  });

  it('knows nothing of optional parts, character classes and party placeholders', () => {
    expect(holds(String.raw`a(?:big)?c`, 'abigc')).toBe(true);
    expect(literalFilter(String.raw`\d+\s*days?`)).toEqual({ atom: 'day' });
    expect(literalFilter(String.raw`[0-9]+\s*(?:yrs?|mos?)`)).toBe(true);
    expect(literalFilter(String.raw`{payer}\s+(?:or\s+)?an`)).toBe(true);
    expect(literalFilter(String.raw`{payer}\s+shall\s+terminate`)).toEqual({ and: [{ atom: 'shall' }, { atom: 'terminate' }] });
  });

  it('reads apostrophe classes and escapes as literals', () => {
    expect(holds(String.raw`provider['’]s\s+rights`, 'Provider’s rights')).toBe(true);
    expect(holds(String.raw`100\.00\s+dollars`, '100.00 dollars')).toBe(true);
    expect(holds(String.raw`100\.00\s+dollars`, '100 dollars')).toBe(false);
  });

  it('makes a pattern it cannot read run everywhere rather than miss it', () => {
    expect(literalFilter(String.raw`\pL+ment`)).toBe(true);
    expect(literalFilter('(unclosed')).toBe(true);
  });
});
