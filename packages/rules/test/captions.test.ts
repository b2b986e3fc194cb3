import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, textDocument } from '../src/index.ts';
import { isRunInCaption, runInCaptionEnd, splitSentences } from '../src/match/sentences.ts';

const rule = (who: string, extra = '') =>
  ['id: r', 'concept: c', 'title: T', 'severity: low', `scope: ${extra ? 'paragraph' : 'sentence'}`, 'kind: presence', 'match:', '  all:', `    - who: ${who}`, '      does: terminate', `    - phrase: ${extra || 'without cause'}`, 'message: m', 'explanation: e'].join('\n');

const CC = { payer: ['Carrier'], provider: ['Clinic'] };

function flags(who: string, text: string, extra = ''): boolean {
  const { ruleset, errors } = buildRuleset([{ file: 'r.yaml', text: rule(who, extra) }]);
  expect(errors).toEqual([]);
  return analyze(textDocument(text, CC), ruleset).findings.length > 0;
}

const captionOf = (text: string) => {
  const end = runInCaptionEnd(text, 0, text.length);
  return end === null ? null : text.slice(0, end).trim();
};

describe('run-in captions', () => {
  it.each([
    ['Termination Without Cause. Either party may end this contract.', 'Termination Without Cause.'],
    ['7.3 Recoupment of Overpayments. Carrier may recover sums.', '7.3 Recoupment of Overpayments.'],
    ['Section 4.1 Compensation. Carrier shall pay Clinic.', 'Section 4.1 Compensation.'],
    ['(b) Indemnification by Clinic. Clinic shall hold Carrier harmless.', '(b) Indemnification by Clinic.'],
    // sentences, not captions
    ['Carrier may terminate. Clinic may not.', null],
    ['The parties agree. Clinic shall bill.', null],
    ['Indemnification by Clinic shall survive termination of this contract.', null],
    // a caption alone is a heading block, not a run-in caption
    ['Termination Without Cause.', null],
  ])('%s → %s', (text, caption) => {
    expect(captionOf(text)).toBe(caption);
  });

  it('keeps the caption a sentence of its own', () => {
    const text = 'Termination Without Cause. Either party may end this contract.';
    const sentences = splitSentences(text, 0, text.length);
    expect(sentences).toHaveLength(2);
    expect(isRunInCaption(text, sentences[0]!)).toBe(true);
  });

  it('reads an act in a caption as nobody’s act', () => {
    // Before: the caption's "Termination" was an act with no actor (unnamed), and "without cause" beside it.
    expect(flags('unnamed', 'Termination Without Cause. Carrier may end this contract on notice.')).toBe(false);
    expect(flags('unnamed', 'Termination without cause happens on notice. Carrier may end this contract.')).toBe(true);
    expect(flags('payer', 'Termination Without Cause. Carrier may terminate this contract without cause.')).toBe(true);
  });

  it('does not read a caption as the sentence that names the actor', () => {
    // "It may terminate": the actor carried over from an earlier sentence, never from a caption.
    expect(flags('payer', 'Termination by Carrier. It may terminate this contract on notice.', 'notice')).toBe(false);
    expect(flags('payer', 'Carrier reviews the roster. It may terminate this contract on notice.', 'notice')).toBe(true);
    // "its" after a caption naming the provider reads the party the clause is about.
    const { ruleset } = buildRuleset([{ file: 'r.yaml', text: ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', "  phrase: \"{payer}'s manual\"", 'message: m', 'explanation: e'].join('\n') }]);
    expect(analyze(textDocument('Duties of Clinic. Carrier shall follow its manual.', CC), ruleset).findings).toHaveLength(1);
    expect(analyze(textDocument('Duties of Clinic. Carrier and Clinic meet. It shall follow its manual.', CC), ruleset).findings).toHaveLength(0);
  });
});
