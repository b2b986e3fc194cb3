/** The bundled payer-core ruleset: loads cleanly and covers every concept it promises. */
import { describe, expect, it } from 'vitest';
import { analyze, loadRuleset, textDocument } from '../src/index.ts';
import { PAYER_CORE } from './helpers.ts';

describe('payer-core', () => {
  const { ruleset, errors } = loadRuleset(PAYER_CORE);

  it('loads without errors', () => {
    expect(errors.map((e) => `${e.file}:${e.line}:${e.col} ${e.code}`)).toEqual([]);
  });

  it('has at least one rule for each of the 22 concepts in its manifest', () => {
    expect(ruleset.concepts).toHaveLength(22);
    const covered = new Set(ruleset.rules.map((r) => r.concept));
    expect(ruleset.concepts.map((c) => c.id).filter((id) => !covered.has(id))).toEqual([]);
    const { checklist } = analyze(textDocument('Plan shall pay claims.'), ruleset);
    expect(checklist.filter((c) => c.status === 'not-covered')).toEqual([]);
  });
});
