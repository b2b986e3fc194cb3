import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, textDocument } from '../src/index.ts';

// A rule whose act has a `...` gap: "give ... notice" could run from "giving" in one sentence to
// "notice" in the next, and so take the next sentence's own "notice" away from it.
const RULE = [
  'id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', '  all:',
  "    - phrase: 'give ... notice'", '    - duration: { less-than: 90 days }',
  'message: m', 'explanation: e',
].join('\n');

function quotes(text: string): string[] {
  const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: RULE }]);
  expect(errors).toEqual([]);
  return analyze(textDocument(text), ruleset).findings.map((f) => f.quote);
}

describe('phrase hits stay inside one sentence', () => {
  it('does not let a gap run over a sentence end and hide the next sentence\'s match', () => {
    expect(quotes('Either party may leave without giving reasons. The leaving party shall give notice thirty (30) days ahead.')).toEqual([
      'The leaving party shall give notice thirty (30) days ahead.',
    ]);
  });

  it('still finds a gap inside one sentence', () => {
    expect(quotes('Plan may give Provider written notice thirty (30) days ahead.')).toHaveLength(1);
  });

  it('reads a paragraph with no crossing hit as before', () => {
    expect(quotes('Plan shall give notice. It applies for thirty (30) days.')).toEqual([]);
    expect(quotes('Plan shall give Provider notice of thirty (30) days. Provider shall give notice within ninety (90) days.')).toEqual([
      'Plan shall give Provider notice of thirty (30) days.',
    ]);
  });
});
