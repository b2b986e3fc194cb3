import { describe, expect, it } from 'vitest';
import { analyze, loadRuleset, textDocument } from '../src/index.ts';
import { fixture } from './helpers.ts';

const { ruleset, errors } = loadRuleset(fixture('nested-within'));

describe('an `all … within` inside another', () => {
  it('keeps the inner group whole, so its number stays the redline target', () => {
    expect(errors).toEqual([]);
    const text = 'Provider may appeal a claim denial in writing within thirty (30) days of the notice.';
    const [finding] = analyze(textDocument(text), ruleset).findings;
    const span = finding?.redline?.span;
    expect(span && text.slice(span.start, span.end)).toBe('thirty (30) days');
  });

  it('still needs the groups close together', () => {
    const text = `A claim may be reviewed. ${'Other words follow here. '.repeat(8)}Provider may appeal within thirty (30) days.`;
    expect(analyze(textDocument(text), { ...ruleset, rules: ruleset.rules.map((r) => ({ ...r, scope: 'paragraph' as const })) }).findings).toEqual([]);
  });
});
