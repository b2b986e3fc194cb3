import { describe, expect, it } from 'vitest';
import { AUTHOR_KEY, exportHint, exportQuery, rememberAuthor, rememberedAuthor, type AuthorStorage } from '../src/model/export-choice.ts';

function memory(): AuthorStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('the Word export choices', () => {
  it('asks for the payer copy by default and names the author only when one is given', () => {
    expect(exportQuery({ audience: 'payer', author: '', comments: true })).toBe('');
    expect(exportQuery({ audience: 'payer', author: '  Jane Q. Counsel ', comments: true })).toBe('?author=Jane+Q.+Counsel');
    expect(exportQuery({ audience: 'payer', author: 'Jane', comments: false })).toBe('?author=Jane&comments=false');
    // The internal copy always carries its analysis: the payer-comments switch does not apply.
    expect(exportQuery({ audience: 'internal', author: 'Jane', comments: false })).toBe('?author=Jane&audience=internal');
    expect(exportQuery({ audience: 'payer', author: 'x'.repeat(150), comments: true })).toBe(`?author=${'x'.repeat(100)}`);
  });

  it('remembers the author name, and survives storage that is missing or blocked', () => {
    const store = memory();
    expect(rememberedAuthor(store)).toBe('');
    rememberAuthor(store, ' Jane Counsel ');
    expect(store.data.get(AUTHOR_KEY)).toBe('Jane Counsel');
    expect(rememberedAuthor(store)).toBe('Jane Counsel');
    const blocked: AuthorStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(rememberedAuthor(blocked)).toBe('');
    expect(() => rememberAuthor(blocked, 'x')).not.toThrow();
    expect(rememberedAuthor(undefined)).toBe('');
  });

  it('says what the two files hold for findings not decided yet', () => {
    expect(exportHint(4, 4)).toBe('');
    expect(exportHint(0, 0)).toBe('');
    expect(exportHint(4, 0)).toMatch(/payer copy would be the contract unchanged/);
    expect(exportHint(4, 3)).toBe('The finding not decided yet changes nothing: left out of the payer copy, commented in the internal copy.');
    expect(exportHint(4, 1)).toBe('The 3 findings not decided yet change nothing: left out of the payer copy, commented in the internal copy.');
  });
});
