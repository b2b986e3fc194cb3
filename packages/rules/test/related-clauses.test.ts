import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, loadRuleset, textDocument, type ChecklistEntry } from '../src/index.ts';
import { documentFacts } from '../src/match/document-facts.ts';
import { findLeafHits } from '../src/match/leaf-hits.ts';
import type { MatchContext } from '../src/match/match-rule.ts';
import { relatedClauses } from '../src/analysis/related-clauses.ts';
import { ruleParts } from '../src/match/rule-parts.ts';
import { fixture } from './helpers.ts';

const { ruleset, errors } = loadRuleset(fixture('engine-rules'));

const entryOf = (checklist: readonly ChecklistEntry[], concept: string) => checklist.find((c) => c.concept === concept);
/** Clauses that relate to no concept: word frequencies need a contract of some length to mean anything. */
const filler = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => `Schedule item ${i + offset + 1} lists the office hours of location ${i + offset + 1}.`);

// A without-cause exit worded so that no termination rule matches: "end its participation …
// at its convenience" instead of "terminate … for convenience".
const UNUSUAL = `1. DEFINITIONS

"Clean Claim" means a claim that has no defect or impropriety and needs no further information.

2. TERM AND TERMINATION

2.1 This Agreement begins on the Effective Date and continues for an initial period of three (3) years.

2.2 Plan may end its participation hereunder at its convenience by giving Provider thirty (30) days' written notice.

3. PAYMENT

Plan shall pay each Clean Claim within thirty (30) days after receipt.`;

describe('the checklist for a concept no rule detected', () => {
  it('loads the engine fixture', () => expect(errors).toEqual([]));

  it('lists the clause to review when the risky clause is there in wording the rules miss (acceptance)', () => {
    const document = textDocument(UNUSUAL);
    const { findings, checklist } = analyze(document, ruleset);
    expect(findings.filter((f) => f.concept === 'termination-without-cause')).toEqual([]);
    const entry = entryOf(checklist, 'termination-without-cause');
    expect(entry?.status).toBe('review');
    if (entry?.status !== 'review') return;
    const quoted = entry.related.map((r) => document.text.slice(r.span.start, r.span.end));
    expect(quoted).toContain("2.2 Plan may end its participation hereunder at its convenience by giving Provider thirty (30) days' written notice.");
    const clause = entry.related.find((r) => document.text.slice(r.span.start, r.span.end).startsWith('2.2'))!;
    expect(clause.why).toBe('heading: TERM AND TERMINATION');
    expect(clause.location).toEqual({ section: '2. TERM AND TERMINATION', label: '2.2' });
    expect(clause.quote).toMatch(/^2\.2 Plan may end its participation/);
    // What was searched is still there for readers who want it.
    expect(entry.searchedIn.map((s) => s.ruleId)).toEqual(['termination-without-cause-one-sided', 'termination-without-cause-short-notice']);
  });

  it('says not found only when nothing in the contract relates to the concept', () => {
    const { checklist } = analyze(textDocument('1. PAYMENT\n\nPlan shall pay each Clean Claim within thirty (30) days after receipt.'), ruleset);
    const entry = entryOf(checklist, 'termination-without-cause');
    expect(entry?.status).toBe('not-found');
    expect(entry?.status === 'not-found' && entry.searched).toMatch(/termination-without-cause-one-sided: 2 sentences/);
  });

  it('relates a clause where part of a rule holds, with the words that relate it, best first', () => {
    const document = textDocument(
      [
        'Provider may not end this Agreement without cause during the first contract year.',
        ...filler(40),
        // Each sentence holds one part, so no rule (reading sentences) fires, but the paragraph holds both.
        'Plan may terminate the participation of any practitioner who loses a license. Provider may leave without cause.',
      ].join('\n\n'),
    );
    const entry = entryOf(analyze(document, ruleset).checklist, 'termination-without-cause');
    expect(entry?.status).toBe('review');
    if (entry?.status !== 'review') return;
    const texts = entry.related.map((r) => document.text.slice(r.span.start, r.span.end));
    // Both parts of the one-sided rule's words ("without cause", "Plan … may … terminate") outrank one.
    expect(texts).toEqual([expect.stringMatching(/^Plan may terminate the participation/), expect.stringMatching(/^Provider may not end/)]);
    expect(entry.related[1]!.why).toBe('mentions: “without cause”');
    expect(entry.related[0]!.why).toMatch(/^mentions: .*“without cause”/);
  });
});

describe('relatedness ignores what says nothing about a clause', () => {
  const RULE = `id: stop-loss-floor
concept: stop-loss
title: Stop-loss threshold below the floor
severity: low
scope: paragraph
kind: presence
match:
  all:
    - pattern: '\\b{payer}\\b'
    - pattern: '\\bstop-?loss\\b'
    - duration: { less-than: 30 days }
    - not: { pattern: '\\bexcept\\b' }
message: A short stop-loss window.
explanation: Because.
`;
  const { ruleset: stopLoss, errors: loadErrors } = buildRuleset([{ file: 'mem/stop-loss-floor.yaml', text: RULE }]);
  const paragraphs = [
    // The payer's name is in 20 of 50 paragraphs: too common to relate a clause by itself.
    ...Array.from({ length: 20 }, (_, i) => `Plan shall keep record number ${i + 1} of the network directory current.`),
    'The stop-loss attachment point is set out in Exhibit C.',
    'Notices are effective within ten (10) days after mailing.',
    'Every obligation applies except as the law provides.',
    ...filler(27),
  ];
  const document = textDocument(paragraphs.join('\n\n'));
  const facts = documentFacts(document);
  const ctx: MatchContext = { facts, leafHits: findLeafHits(stopLoss, facts) };

  it('loads', () => expect(loadErrors).toEqual([]));

  it('counts a rare part, but not a part found in most paragraphs, a bare number test or a `not`', () => {
    const related = relatedClauses(stopLoss.rules, ctx);
    expect(related.map((r) => document.text.slice(r.span.start, r.span.end))).toEqual(['The stop-loss attachment point is set out in Exhibit C.']);
    expect(related[0]!.why).toBe('mentions: “stop-loss”');
  });

  it('puts the concept under review in the checklist, not risky and not "not found"', () => {
    const entry = entryOf(analyze(document, stopLoss).checklist, 'stop-loss');
    expect(entry?.status).toBe('review');
  });

  it('reports which top-level parts of a rule hold in a paragraph', () => {
    const [result] = ruleParts(stopLoss.rules[0]!, facts.units('paragraph')[20]!, ctx);
    expect(result!.results.map((r) => r.hits !== null)).toEqual([false, true, false, true]);
    const [plan] = ruleParts(stopLoss.rules[0]!, facts.units('paragraph')[0]!, ctx);
    expect(plan!.results.map((r) => r.hits !== null)).toEqual([true, false, false, true]);
  });
});

describe('related clauses of described rules', () => {
  it('say what the clause has and lacks in the rule author\'s words', () => {
    const { ruleset: described } = loadRuleset(fixture('describe-rules'));
    // No "claims", so the absence rule does not apply and nothing is flagged.
    const text = ['1. SCHEDULE', ...filler(40), '4. PAYMENT', '4.2 Plan shall use commercially reasonable efforts to pay each invoice within forty-five (45) days after receipt.'].join('\n\n');
    const entry = entryOf(analyze(textDocument(text), described).checklist, 'prompt-pay');
    expect(entry?.status).toBe('review');
    if (entry?.status !== 'review') return;
    expect(entry.related[0]!.why).toBe(
      'heading: PAYMENT; has: a payment deadline; mentions: “Plan shall use commercially reasonable efforts to pay”; lacks: a firm commitment, not just efforts (it says “efforts”), late-payment interest',
    );
  });
});

describe('related clauses in a short text', () => {
  it('need more than one everyday word: without word frequencies, most of a rule must hold', () => {
    const document = textDocument(['Provider may not end this Agreement without cause during the first contract year.', ...filler(3)].join('\n\n'));
    expect(entryOf(analyze(document, ruleset).checklist, 'termination-without-cause')?.status).toBe('not-found');
  });
});

describe('related clauses under a heading', () => {
  it('lists at most eight, and at most two per heading when only the heading relates them', () => {
    const body = Array.from({ length: 6 }, (_, i) => `${i + 1}.${1} The parties record item ${i + 1} of the schedule in writing each month.`);
    const text = ['1. TERM', ...body.slice(0, 3), '2. RENEWAL', ...body.slice(3)].join('\n\n');
    const entry = entryOf(analyze(textDocument(text), ruleset).checklist, 'evergreen-renewal');
    expect(entry?.status).toBe('review');
    if (entry?.status !== 'review') return;
    expect(entry.related.map((r) => r.why)).toEqual(['heading: TERM', 'heading: TERM', 'heading: RENEWAL', 'heading: RENEWAL']);
    expect(entry.related.length).toBeLessThanOrEqual(8);
  });

  it('does not count a heading over most of the contract ("Terms and Conditions")', () => {
    const text = ['TERMS AND CONDITIONS', ...filler(12)].join('\n\n');
    expect(entryOf(analyze(textDocument(text), ruleset).checklist, 'evergreen-renewal')?.status).toBe('not-found');
  });
});
