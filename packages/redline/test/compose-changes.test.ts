/**
 * Composition of accepted changes into clean contract text (compose-changes.ts): captions and
 * labels kept, one change per clause, the same language proposed once, no doubled words or
 * double spaces, whole "lesser of" constructs and periods replaced, the document's quote style
 * kept, several insertions at one point in order. Read back through Accept All / Reject All.
 */
import { describe, expect, it } from 'vitest';
import type { ContractDocument } from '@redliner/parser';
import type { Finding } from '@redliner/rules';
import { redline } from '../src/index.ts';
import { acceptedTextProblems } from './accepted-text-checks.ts';
import { findingOn, parsed } from './helpers.ts';
import { newValidationErrors } from './ooxml-validate.ts';
import { textDocument } from './text-document.ts';
import { trackedParagraphs, view } from './tracked-views.ts';

const OPTIONS = { comments: false, author: 'Provider Counsel', date: '2025-02-01T09:00:00Z' };
const spanOf = (doc: ContractDocument, quote: string) => ({ start: doc.text.indexOf(quote), end: doc.text.indexOf(quote) + quote.length });

/** Accept every finding; the accepted and rejected paragraphs and what the checks find. */
async function acceptAll(document: ContractDocument, findings: Finding[], original?: Uint8Array) {
  const decisions = Object.fromEntries(findings.map((f) => [f.id, { action: 'accept' }]));
  const result = await redline({ document, findings, decisions, ...(original ? { original } : {}), options: OPTIONS });
  // A file rebuilt from a PDF numbers its clauses as Word lists: read the numbers with the text.
  const paragraphs = await trackedParagraphs(result.bytes, { labels: document.format === 'pdf' });
  return {
    result,
    accepted: view(paragraphs, 'accept').map((p) => p.text),
    rejected: view(paragraphs, 'reject').map((p) => p.text),
    problems: acceptedTextProblems(paragraphs).map((p) => `[${p.check}] ${p.text}`),
    // What the OOXML validator finds that the original does not have (empty when it is not installed).
    invalid: newValidationErrors(result.bytes, original),
  };
}

const contract = () =>
  textDocument([
    { kind: 'heading', level: 1, label: 'Article 10', text: 'Article 10 General' },
    { kind: 'paragraph', label: '10.3', text: '10.3 Assignment. Plan may assign this Agreement to any entity without Provider’s consent.' },
    { kind: 'paragraph', label: '3.3', text: '3.3 Rate Parity. Provider shall match any lower rate it gives another payer. Provider represents that its rates to Plan are its lowest.' },
    { kind: 'paragraph', label: '3.1', text: '3.1 Products. Provider shall join all Products now offered. Plan may add Provider to any new Product by notice.' },
    { kind: 'paragraph', label: '3.4', text: '3.4 Other Products. Provider shall participate in every other Product described in Section 3.1.' },
    { kind: 'paragraph', label: '5.1', text: '5.1 Compensation. Plan shall pay the lesser of (a) Provider’s billed charges, or (b) the Fee Schedule amount, in each case less cost-sharing.' },
    { kind: 'paragraph', label: '5.5', text: '5.5 Appeals. Provider may request reconsideration within thirty (30) days after the remittance advice.' },
    { kind: 'paragraph', label: '5.6', text: '5.6 Secondary Claims. The sixty (60) day period begins on the primary payer’s remittance date.' },
    { kind: 'paragraph', label: '1.8', text: '1.8 “Medically Necessary” means services Plan determines are appropriate. Plan’s determination is final.' },
    { kind: 'paragraph', label: '1.9', text: '1.9 “Clean Claim” means a claim that has all the data Plan requires.' },
    { kind: 'paragraph', label: '5.3', text: '5.3 Prompt Payment. Plan shall pay claims when its review is complete.' },
    { kind: 'paragraph', text: 'Provider waives every claim it may have against Plan.' },
    { kind: 'paragraph', text: 'Signed by the parties.' },
    { kind: 'table-cell', table: { table: 0, row: 0, col: 0 }, text: 'Services not paid as Encounters' },
    { kind: 'table-cell', table: { table: 0, row: 0, col: 1 }, text: 'Lesser of billed charges or 100% of the Medicaid fee schedule' },
  ]);

describe('composing accepted changes', async () => {
  const doc = contract();
  const same = 'Provider shall participate only in the products listed in the Schedule, and Plan may add a product only by a written amendment signed by both parties.';
  const definition = '"Medically Necessary" means services that a prudent physician would provide in accordance with generally accepted standards of medical practice.';
  const findings = [
    findingOn(doc, '10.3 Assignment. Plan may assign this Agreement to any entity without Provider’s consent.', { op: 'replace', text: 'Neither party may assign this Agreement without the other party’s prior written consent.' }, 'assign'),
    findingOn(doc, 'Rate Parity.', { op: 'delete', text: '' }, 'mfn-caption'),
    findingOn(doc, 'Provider shall match any lower rate it gives another payer.', { op: 'delete', text: '' }, 'mfn-1'),
    findingOn(doc, 'Provider represents that its rates to Plan are its lowest.', { op: 'delete', text: '' }, 'mfn-2'),
    findingOn(doc, 'Provider shall join all Products now offered.', { op: 'replace', text: same }, 'products-1'),
    findingOn(doc, 'Plan may add Provider to any new Product by notice.', { op: 'replace', text: same }, 'products-2'),
    findingOn(doc, 'Provider shall participate in every other Product described in Section 3.1.', { op: 'replace', text: same }, 'products-3'),
    findingOn(doc, 'the lesser of (a) Provider’s billed charges', { op: 'replace', text: 'the rate set forth in the fee schedule attached to this Agreement' }, 'lesser'),
    findingOn(doc, 'request reconsideration within', { op: 'replace', text: 'one hundred twenty (120) days' }, 'appeal'),
    findingOn(doc, 'sixty (60) day', { op: 'replace', text: 'one hundred eighty (180) days' }, 'period'),
    findingOn(doc, '“Medically Necessary” means services Plan determines are appropriate.', { op: 'replace', text: definition }, 'mn-1'),
    findingOn(doc, 'Plan’s determination is final.', { op: 'replace', text: 'Plan’s determination is subject to appeal.' }, 'mn-2'),
    findingOn(doc, '5.3 Prompt Payment. Plan shall pay claims when its review is complete.', { op: 'replace', text: 'Prompt Payment. Plan shall pay each Clean Claim within thirty (30) days after receipt.' }, 'prompt'),
    findingOn(doc, 'Provider waives every claim it may have against Plan.', { op: 'delete', text: '' }, 'waiver'),
    // The rule flagged the table row but aimed its wording at the wrong cell.
    { ...findingOn(doc, 'paid as Encounters', { op: 'replace', text: 'the rate set forth in the fee schedule attached to this Agreement' }, 'lesser-cell'), span: spanOf(doc, 'Services not paid as Encounters\n\nLesser of billed charges or 100% of the Medicaid fee schedule') },
  ];
  const { accepted, rejected, problems, result, invalid } = await acceptAll(doc, findings);
  const clause = (label: string) => accepted.find((p) => p.startsWith(`${label} `));

  it('passes every accepted-text check and changes nothing on Reject All', async () => {
    expect(problems).toEqual([]);
    expect(invalid).toEqual([]);
    expect(result.skipped).toEqual([]);
    const pristine = await redline({ document: doc, findings, decisions: Object.fromEntries(findings.map((f) => [f.id, { action: 'reject' }])), options: OPTIONS });
    expect(newValidationErrors(pristine.bytes)).toEqual([]);
    expect(rejected).toEqual(view(await trackedParagraphs(pristine.bytes, { labels: true }), 'accept').map((p) => p.text));
  });

  it('keeps the label and caption of a clause replaced whole', () => {
    expect(clause('10.3')).toBe('10.3 Assignment. Neither party may assign this Agreement without the other party’s prior written consent.');
    // New wording that restates the caption does not repeat it.
    expect(clause('5.3')).toBe('5.3 Prompt Payment. Plan shall pay each Clean Claim within thirty (30) days after receipt.');
  });

  it('reads "Intentionally omitted." under the caption of a clause struck whole', () => {
    expect(clause('3.3')).toBe('3.3 Rate Parity. Intentionally omitted.');
  });

  it('proposes the same language once: merged in its clause, not repeated elsewhere', () => {
    expect(clause('3.1')).toBe(`3.1 Products. ${same.replace(/"/g, '“')}`);
    expect(clause('3.4')).toBe('3.4 Other Products. Provider shall participate in every other Product described in Section 3.1.');
    expect(accepted.join('\n').split('participate only in the products').length - 1).toBe(1);
  });

  it('replaces a "lesser of" construct whole, keeping what follows it', () => {
    expect(clause('5.1')).toBe('5.1 Compensation. Plan shall pay the rate set forth in the fee schedule attached to this Agreement, in each case less cost-sharing.');
  });

  it('puts wording written for a "lesser of" construct on the construct of the flagged clause', () => {
    expect(accepted).toContain('Services not paid as Encounters');
    expect(accepted).toContain('The rate set forth in the fee schedule attached to this Agreement');
  });

  it('puts a new period in place of the old one, in the grammatical number the sentence needs', () => {
    expect(clause('5.5')).toBe('5.5 Appeals. Provider may request reconsideration within one hundred twenty (120) days after the remittance advice.');
    expect(clause('5.6')).toBe('5.6 Secondary Claims. The one hundred eighty (180) day period begins on the primary payer’s remittance date.');
  });

  it('removes a paragraph struck whole, mark and all', () => {
    expect(accepted.filter((p) => p.includes('waives'))).toEqual([]);
    expect(accepted[accepted.indexOf(clause('5.3')!) + 1]).toBe('Signed by the parties.');
  });

  it('puts a definition only in place of the definition of the same term, in the document’s quote style', () => {
    expect(clause('1.8')).toBe(`1.8 ${definition.replace(/"/g, (_q, at: number) => (at === 0 ? '“' : '”'))} Plan’s determination is subject to appeal.`);
  });
});

describe('a definition with two names', async () => {
  const doc = textDocument([
    { kind: 'paragraph', label: '1.8', text: '1.8 “Medically Necessary” or “Medical Necessity” means services Plan determines are appropriate.' },
    { kind: 'paragraph', label: '4.2', text: '4.2 Plan decides Medical Necessity under its own policies.' },
  ]);
  const finding = findingOn(doc, '“Medically Necessary” or “Medical Necessity” means services Plan determines are appropriate.', { op: 'replace', text: '"Medically Necessary" means services a prudent physician would provide.' }, 'mn');
  const { accepted, problems } = await acceptAll(doc, [finding]);

  it('keeps every name the contract defines, so the one still used elsewhere stays defined', () => {
    expect(accepted[0]).toBe('1.8 “Medically Necessary” or “Medical Necessity” means services a prudent physician would provide.');
    expect(problems).toEqual([]);
  });
});

describe('a definition flagged in a later sentence', async () => {
  const doc = textDocument([
    { kind: 'paragraph', label: '1.3', text: '1.3 “Clean Claim” means a claim Plan judges complete. A claim for which Plan asks for records is not a Clean Claim until Plan reviews them.' },
    { kind: 'paragraph', label: '5.1', text: '5.1 Plan shall pay each Clean Claim within thirty (30) days.' },
  ]);
  const mine = '"Clean Claim" means a claim with the data elements of the standard claim form.';
  const other = '"Clean Claim" shall mean a clean claim as the governing prompt-pay law defines it.';
  const later = (text: string, id: string) => findingOn(doc, 'A claim for which Plan asks for records is not a Clean Claim until Plan reviews them.', { op: 'replace', text }, id);
  const alone = await acceptAll(doc, [later(other, 'records')]);
  const both = await acceptAll(doc, [findingOn(doc, '“Clean Claim” means a claim Plan judges complete.', { op: 'replace', text: mine }, 'judged'), later(other, 'records')]);
  const byReference = await acceptAll(doc, [later('"Clean Claim" has the meaning the governing prompt-pay law gives it.', 'reference')]);

  it('replaces the definition from its head, so the term is defined once', () => {
    expect(alone.accepted[0]).toBe('1.3 “Clean Claim” shall mean a clean claim as the governing prompt-pay law defines it.');
    expect(alone.problems).toEqual([]);
    // A definition by reference is a definition too.
    expect(byReference.accepted[0]).toBe('1.3 “Clean Claim” has the meaning the governing prompt-pay law gives it.');
    expect(byReference.problems).toEqual([]);
  });

  it('proposes one definition when two findings define the same term in other words', () => {
    expect(both.accepted[0]).toBe('1.3 “Clean Claim” means a claim with the data elements of the standard claim form.');
    expect(both.problems).toEqual([]);
    expect(both.result.skipped).toEqual([]);
  });
});

describe('a term only a rejected suggestion would define', async () => {
  const doc = textDocument([
    { kind: 'paragraph', label: '5.1', text: '5.1 Payment. Plan shall pay claims after its review is complete.' },
    { kind: 'paragraph', label: '5.2', text: '5.2 Records. Provider shall keep records for six years.' },
  ]);
  const pay = findingOn(doc, '5.1 Payment. Plan shall pay claims after its review is complete.', { op: 'replace', text: 'Payment. Plan shall pay each Clean Claim within thirty (30) days after receipt. Clean Claims bear interest when paid late.' }, 'pay');
  const define = findingOn(doc, '5.2 Records. Provider shall keep records for six years.', { op: 'insert', text: ' "Clean Claim" means a claim with every data element of the standard claim form.' }, 'define');
  const run = async (defineAction: 'accept' | 'reject') => {
    const result = await redline({ document: doc, findings: [pay, define], decisions: { pay: { action: 'accept' }, define: { action: defineAction } }, options: OPTIONS });
    const paragraphs = await trackedParagraphs(result.bytes, { labels: true });
    return { accepted: view(paragraphs, 'accept').map((p) => p.text), problems: acceptedTextProblems(paragraphs).map((p) => `[${p.check}] ${p.text}`) };
  };
  const rejected = await run('reject');
  const accepted = await run('accept');

  it('reads as plain words when the definition is rejected, keeping a sentence’s capital', () => {
    expect(rejected.accepted[0]).toBe('5.1 Payment. Plan shall pay each clean claim within thirty (30) days after receipt. Clean claims bear interest when paid late.');
    expect(rejected.problems).toEqual([]);
  });

  it('stays the defined term when the definition is accepted', () => {
    expect(accepted.accepted[0]).toContain('each Clean Claim within');
    expect(accepted.accepted.join('\n')).toMatch(/[“"]Clean Claim[”"] means/);
    expect(accepted.problems).toEqual([]);
  });
});

describe('composing changes in a Word file', async () => {
  const { bytes, doc } = await parsed('payer-draft.docx');
  const findings: Finding[] = [
    findingOn(doc, 'successive one (1) year terms', { op: 'insert', text: ' by mutual written agreement' }, 'renew-1'),
    findingOn(doc, 'unless either party gives notice of non-renewal at least one hundred eighty (180) days before the end of the then-current term', { op: 'delete', text: '' }, 'renew-2'),
    findingOn(doc, 'upon thirty (30) days’', { op: 'insert', text: ' (and not less than ninety (90) days’)' }, 'notice-1'),
    findingOn(doc, 'upon thirty (30) days’', { op: 'insert', text: ' (with a copy to counsel)' }, 'notice-2'),
    findingOn(doc, 'in accordance with its standard claims payment policies', { op: 'replace', text: 'claims in accordance with this Agreement' }, 'pay'),
    findingOn(doc, 'This Provider Participation Agreement (this “Agreement”) is entered into as of January 1, 2027', { op: 'delete', text: '' }, 'preamble-1'),
    findingOn(doc, 'by and between Bayview Health Plan, Inc., an Olympia health maintenance organization (“Plan”), and Cedar Hollow Family Practice, P.C., an Olympia professional corporation (“Provider”).', { op: 'delete', text: '' }, 'preamble-2'),
    findingOn(doc, 'This Agreement is governed by the laws of the State of Olympia.', { op: 'delete', text: '' }, 'law'),
  ];
  const { accepted, rejected, problems, invalid } = await acceptAll(doc, findings, bytes);

  it('removes a paragraph struck whole with its mark; a numbered clause reads "Intentionally omitted."', async () => {
    expect(accepted.length).toBe(rejected.length - 1);
    expect(accepted[1]).toBe('Term and Termination');
    expect(accepted).toContain('Intentionally omitted.');
    expect(rejected).toEqual(view(await trackedParagraphs(bytes), 'accept').map((p) => p.text));
  });

  it('inserts and strikes at one point without mixing the two', () => {
    expect(accepted).toContain('This Agreement shall commence on the Effective Date and shall automatically renew for successive one (1) year terms by mutual written agreement.');
  });

  it('keeps several insertions at one point in the order of the findings', () => {
    expect(accepted).toContain('Plan may terminate this Agreement without cause upon thirty (30) days’ (and not less than ninety (90) days’) (with a copy to counsel) prior written notice to Provider.');
  });

  it('does not repeat the word the new text starts with', () => {
    expect(accepted).toContain('Plan shall pay claims in accordance with this Agreement.');
    // The preamble that defines “Plan” and “Provider” is struck on purpose here, to test removing paragraphs.
    expect(problems.filter((p) => !/^\[lost-definition\] “(?:Plan|Provider)”/.test(p))).toEqual([]);
    expect(invalid).toEqual([]);
  });
});

describe('a sentence proposed by two findings', async () => {
  const doc = textDocument([
    { kind: 'paragraph', label: '2.1', text: '2.1 Products. Provider shall join all Products now offered.' },
    { kind: 'paragraph', label: '2.2', text: '2.2 New Products. Plan may add Provider to any new Product by notice.' },
  ]);
  const first = 'Provider takes part only in the products that the attached schedule lists by name.';
  const second = 'The schedule changes only by an amendment that both parties sign.';
  // As when the lead edits one finding down to its first sentence and accepts the other whole.
  const findings = [
    findingOn(doc, 'Provider shall join all Products now offered.', { op: 'replace', text: first }, 'edited'),
    findingOn(doc, 'Plan may add Provider to any new Product by notice.', { op: 'replace', text: `${first} ${second}` }, 'whole'),
  ];
  const { accepted, problems } = await acceptAll(doc, findings);
  it('is written once; the other finding keeps its new sentences', () => {
    expect(accepted.join('\n').split(first).length - 1).toBe(1);
    expect(accepted).toContain(`2.2 New Products. ${second}`);
    expect(problems).toEqual([]);
  });
});
