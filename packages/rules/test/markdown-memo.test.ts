import { describe, expect, it } from 'vitest';
import { analyze, buildReport, buildRuleset, textDocument, toMarkdownMemo } from '../src/index.ts';

const RULE = [
  'id: auto-renew', 'concept: evergreen-renewal', 'title: Renews automatically', 'severity: medium', 'scope: sentence', 'kind: presence',
  'match:', '  phrase: automatically renew', 'message: The agreement renews automatically.', 'explanation: Renewal needs no action.',
  'redline:', '  op: replace', '  text: " This Agreement renews only by written agreement."', '  fallbacks:', '    - " Either party may decline renewal on thirty days notice."',
].join('\n');

function report() {
  const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: RULE }]);
  expect(errors).toEqual([]);
  const doc = textDocument('1.1 This Agreement shall automatically renew each year.', { payer: ['Plan'], provider: ['Provider'] });
  const result = analyze(doc, ruleset);
  expect(result.findings).toHaveLength(1);
  return { report: buildReport(doc, ruleset, result), id: result.findings[0]!.id };
}

describe('markdown memo', () => {
  it('says nothing of decisions when given none', () => {
    expect(toMarkdownMemo(report().report)).not.toContain('Decision');
  });

  it('reflects decisions: counts, the table column, the reason, the lead\'s wording and the fallback chosen', () => {
    const { report: r, id } = report();
    const edited = toMarkdownMemo(r, { [id]: { action: 'edit', text: 'Renewal requires both parties to sign.', reason: 'Agreed on the call' } });
    expect(edited).toContain('**Decisions:** 0 accepted, 1 accepted with our wording, 0 rejected, 0 not decided.');
    expect(edited).toContain('**Decision:** Accepted with our wording — Agreed on the call');
    expect(edited).toContain('> Renewal requires both parties to sign.');
    const fallback = toMarkdownMemo(r, { [id]: { action: 'accept', alternative: 0 } });
    expect(fallback).toContain('**Fallback chosen:**');
    expect(fallback).toContain('> Either party may decline renewal on thirty days notice.');
    expect(toMarkdownMemo(r, {})).toContain('| Not decided');
    // Labels keep their space outside the emphasis, and inserted language shows without its joining space.
    expect(edited).not.toContain('&#x');
  });
});
