import { describe, expect, it } from 'vitest';
import { analyze, loadRuleset, textDocument } from '../src/index.ts';
import { fixture } from './helpers.ts';

// A frozen copy of the first payer-core rules: engine behaviour is tested apart from the
// bundled ruleset, which keeps growing.
const { ruleset, errors } = loadRuleset(fixture('engine-rules'));

const CONTRACT = `1. TERM AND TERMINATION

This Agreement shall automatically renew for successive one (1) year terms. Plan may terminate this Agreement without cause upon sixty (60) days' notice.

7. AUDITS

Plan may audit any claim at any time and recoup overpayments. Provider shall cooperate.

8. PAYMENT

Plan shall pay claims per Exhibit A.`;

describe('analyze', () => {
  it('loads the bundled ruleset without errors', () => {
    expect(errors).toEqual([]);
    expect(ruleset.rules.length).toBeGreaterThanOrEqual(4);
  });

  const document = textDocument(CONTRACT);
  const { findings, checklist } = analyze(document, ruleset);
  const byConcept = (concept: string) => findings.filter((f) => f.concept === concept);

  it('quotes the flagged sentence with its span and location', () => {
    const [audit] = byConcept('audit-lookback');
    expect(audit?.quote).toBe('Plan may audit any claim at any time and recoup overpayments.');
    expect(document.text.slice(audit!.span!.start, audit!.span!.end)).toBe(audit!.quote);
    expect(audit?.location.section).toBe('7. AUDITS');
    expect(audit?.severity).toBe('high');
  });

  it('collapses overlapping findings of one concept in one clause into one', () => {
    // Both termination rules match the same sentence (one-sided and short notice).
    expect(byConcept('termination-without-cause')).toHaveLength(1);
  });

  it('reports missing prompt-pay language with an insertion point at the end of the payment section', () => {
    const [missing] = byConcept('prompt-pay');
    expect(missing).toMatchObject({ kind: 'absence', span: null, quote: '' });
    expect(missing!.insertAt).toBe(document.text.length);
    expect(missing!.redline).toMatchObject({ op: 'insert', insertAt: document.text.length, newParagraph: true });
    expect(missing!.redline!.text).toMatch(/^Prompt Payment\. Plan shall pay each Clean Claim/);
  });

  it('fills party placeholders in messages and redlines with this contract\'s terms', () => {
    const [audit] = byConcept('audit-lookback');
    expect(audit!.message).toMatch(/^Plan may audit/);
    expect(audit!.redline!.text).not.toContain('{payer}');
    expect(audit!.redline!.insertAt).toBe(audit!.span!.end);
  });

  it('builds a checklist entry for every concept of the manifest', () => {
    expect(checklist).toHaveLength(22);
    const entry = checklist.find((c) => c.concept === 'audit-lookback');
    expect(entry).toMatchObject({ status: 'risky', findingIds: [byConcept('audit-lookback')[0]!.id] });
    expect(checklist.find((c) => c.concept === 'network-rental')?.status).toBe('not-covered');
  });

  it('gives acceptable language as evidence and says what was searched when nothing is found', () => {
    const fine = textDocument('Either party may terminate this Agreement without cause upon one hundred eighty (180) days\' notice.\n\nPlan shall pay each Clean Claim within thirty (30) days after receipt.');
    const result = analyze(fine, ruleset);
    expect(result.findings).toEqual([]);
    const termination = result.checklist.find((c) => c.concept === 'termination-without-cause');
    expect(termination?.status).toBe('acceptable');
    expect(termination?.status === 'acceptable' && termination.evidence.quote).toMatch(/one hundred eighty/);
    const prompt = result.checklist.find((c) => c.concept === 'prompt-pay');
    expect(prompt?.status === 'acceptable' && prompt.evidence.ruleId).toBe('prompt-pay-deadline-missing');
    const evergreen = result.checklist.find((c) => c.concept === 'evergreen-renewal');
    expect(evergreen?.status === 'not-found' && evergreen.searched).toMatch(/evergreen-renewal: 2 sentences/);
    expect(evergreen?.status === 'not-found' && evergreen.searchedIn).toEqual([{ ruleId: 'evergreen-renewal', unit: 'sentences', count: 2, applies: true }]);
  });

  it('resolves {payer} from the contract\'s own defined terms', () => {
    const text = 'Company may terminate this Agreement without cause upon one hundred eighty (180) days\' notice to Practitioner.';
    const asCompany = analyze(textDocument(text, { payer: ['Company'], provider: ['Practitioner'] }), ruleset);
    const asPlan = analyze(textDocument(text), ruleset);
    expect(asCompany.findings.map((f) => f.ruleId)).toEqual(['termination-without-cause-one-sided']);
    expect(asCompany.findings[0]!.redline!.text).toBe(' Practitioner shall have the same right to terminate this Agreement without cause, on the same notice to Company.');
    expect(asPlan.findings).toEqual([]);
  });

  it('replaces just the notice period when the redline targets the number', () => {
    const text = 'Either party may terminate this Agreement without cause upon thirty (30) days\' written notice.';
    const doc = textDocument(text);
    const [finding] = analyze(doc, ruleset).findings;
    expect(finding?.ruleId).toBe('termination-without-cause-short-notice');
    expect(doc.text.slice(finding!.redline!.span!.start, finding!.redline!.span!.end)).toBe('thirty (30) days');
    expect(finding!.redline).toMatchObject({ op: 'replace', text: 'one hundred eighty (180) days', alternatives: ['one hundred twenty (120) days', 'ninety (90) days'] });
  });

  it('is deterministic: the same document gives the same findings', () => {
    expect(analyze(textDocument(CONTRACT), ruleset)).toEqual(analyze(textDocument(CONTRACT), ruleset));
  });
});
