import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, textDocument } from '../src/index.ts';

// The carrier inspects the files, and the money found is taken back by set-off.
const rule = (reach: string | null, scope = 'sentence') =>
  [
    'id: r', 'concept: c', 'title: T', 'severity: low', `scope: ${scope}`, 'kind: presence', 'match:', '  all:',
    '    - who: payer', '      does: inspect', '    - phrase: take back ... set-off', ...(reach ? [`      reach: ${reach}`] : []),
    'message: m', 'explanation: e',
  ].join('\n');

const CC = { payer: ['Carrier'], provider: ['Clinic'] };

function quotes(reach: string | null, text: string, scope = 'sentence'): string[] {
  const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: rule(reach, scope) }]);
  expect(errors).toEqual([]);
  return analyze(textDocument(text, CC), ruleset).findings.map((f) => f.quote);
}

describe('reach: next-sentence', () => {
  const twoSentences = 'Carrier may inspect the files of Clinic. Sums found owing may be taken back by set-off.';

  it('reads the condition in the sentence after the unit, and quotes both', () => {
    expect(quotes(null, twoSentences)).toEqual([]);
    expect(quotes('next-sentence', twoSentences)).toEqual([twoSentences]);
  });

  it('still holds in the unit itself', () => {
    expect(quotes('next-sentence', 'Carrier may inspect the files and may take back sums by set-off.')).toHaveLength(1);
  });

  it('reaches only the next sentence, forward, in the same paragraph', () => {
    expect(quotes('next-sentence', 'Sums found owing may be taken back by set-off. Carrier may inspect the files of Clinic.')).toEqual([]);
    expect(quotes('next-sentence', 'Carrier may inspect the files of Clinic. Clinic keeps files. Sums found owing may be taken back by set-off.')).toEqual([]);
    expect(quotes('next-sentence', 'Carrier may inspect the files of Clinic.\n\nSums found owing may be taken back by set-off.')).toEqual([]);
  });

  it('works in clause-scope rules and changes nothing in a paragraph-scope rule', () => {
    expect(quotes('next-sentence', twoSentences, 'clause')).toEqual([twoSentences]);
    expect(quotes('next-sentence', 'Carrier may inspect the files of Clinic.\n\nSums found owing may be taken back by set-off.', 'paragraph')).toEqual([]);
  });

  it('reads a `not` in the next sentence too', () => {
    const text = 'Carrier may inspect the files of Clinic. It shall not do so without notice.';
    const notRule = rule(null).replace("    - phrase: take back ... set-off", '    - not:\n        phrase: without notice\n      reach: next-sentence');
    const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: notRule }]);
    expect(errors).toEqual([]);
    expect(analyze(textDocument(text, CC), ruleset).findings).toHaveLength(0);
    expect(analyze(textDocument('Carrier may inspect the files of Clinic. It keeps copies.', CC), ruleset).findings).toHaveLength(1);
  });

  it('is refused beside `not-in`', () => {
    const bad = rule(null).replace("    - phrase: take back ... set-off", '    - not:\n        phrase: without notice\n      not-in: conjunct\n      reach: next-sentence');
    expect(buildRuleset([{ file: 'r.yaml', text: bad }]).errors[0]?.message).toContain('`reach` cannot be combined with `not-in`');
  });
});
