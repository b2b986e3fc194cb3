import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, loadRuleset, runExamples, textDocument } from '../src/index.ts';
import { fixture } from './helpers.ts';

const described = loadRuleset(fixture('describe-rules'));
const engine = loadRuleset(fixture('engine-rules'));

const EFFORTS = `4. PAYMENT

4.1 Provider shall submit claims within ninety (90) days after the date of service.

4.2 Plan shall use commercially reasonable efforts to pay Clean Claims within forty-five (45) days after receipt.`;

describe('an absence finding says what was found and why it does not count', () => {
  it('loads the fixture rule and its examples pass', () => {
    expect(described.errors).toEqual([]);
    const run = runExamples(described.ruleset);
    expect(run.failures).toEqual([]);
    expect(run.examples).toBe(3);
  });

  it('names the parts found, with their words and place, and the parts missing, in the rule author\'s words', () => {
    const document = textDocument(EFFORTS);
    const [finding] = analyze(document, described.ruleset).findings;
    expect(finding?.kind).toBe('absence');
    const near = finding!.nearMiss!;
    expect(document.text.slice(near.span.start, near.span.end)).toMatch(/^4\.2 Plan shall use commercially reasonable efforts/);
    expect(near.location).toEqual({ section: '4. PAYMENT', label: '4.2' });
    expect(near.found).toEqual([{ what: 'a payment deadline', words: ['Plan shall use commercially reasonable efforts to pay', 'forty-five (45) days'] }]);
    expect(near.missing).toEqual([
      { what: 'a firm commitment, not just efforts', words: ['efforts'] },
      { what: 'late-payment interest', words: [] },
    ]);
    expect(near.summary).toBe(
      'Closest language (4. PAYMENT, clause 4.2): “4.2 Plan shall use commercially reasonable efforts to pay Clean Claims within forty-five (45) days after receipt.” ' +
        'Found: a payment deadline (“Plan shall use commercially reasonable efforts to pay”, “forty-five (45) days”). ' +
        'Missing: a firm commitment, not just efforts (it says “efforts”); late-payment interest.',
    );
  });

  it('falls back to the rule\'s title for a missing part its author did not describe', () => {
    const document = textDocument('Plan shall pay claims within one hundred twenty (120) days after receipt.');
    const finding = analyze(document, engine.ruleset).findings.find((f) => f.ruleId === 'prompt-pay-deadline-missing');
    expect(finding?.nearMiss?.found).toEqual([{ words: ['Plan shall pay'] }, { words: ['within'] }]);
    // "No deadline for the payer to pay clean claims" is what is missing, without its "No".
    expect(finding?.nearMiss?.summary).toMatch(/Found: “Plan shall pay”; “within”\. Missing: deadline for the payer to pay clean claims\.$/);
  });

  it('says which words disqualify a clause when the rule does not describe them', () => {
    const text = `id: firm-deadline-missing
concept: prompt-pay
title: No firm payment deadline
severity: high
scope: sentence
kind: absence
match:
  all:
    - pattern: '\\b{payer}\\s+shall\\b[^.]{0,40}\\bpay\\b'
    - not: { pattern: '\\befforts?\\b' }
message: No firm deadline.
explanation: Because.
`;
    const { ruleset, errors } = buildRuleset([{ file: 'mem/firm-deadline-missing.yaml', text }]);
    expect(errors).toEqual([]);
    const [finding] = analyze(textDocument('Plan shall use its best efforts to pay claims promptly.'), ruleset).findings;
    expect(finding?.nearMiss?.summary).toMatch(/Found: “Plan shall use its best efforts to pay”\. It does not count because it says “efforts”\.$/);
  });

  it('gives no closest language when nothing telling is there', () => {
    const finding = analyze(textDocument('Provider shall submit claims on the standard form.'), engine.ruleset).findings.find((f) => f.ruleId === 'prompt-pay-deadline-missing');
    expect(finding?.kind).toBe('absence');
    expect(finding?.nearMiss).toBeUndefined();
  });
});
