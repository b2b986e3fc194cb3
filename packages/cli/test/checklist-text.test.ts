import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, buildReport, loadRuleset, textDocument, toMarkdownMemo } from '@redliner/rules';
import { renderReportText } from '../src/render/report-text.ts';

const ENGINE_RULES = fileURLToPath(new URL('../../rules/test/fixtures/engine-rules', import.meta.url));
const { ruleset } = loadRuleset(ENGINE_RULES);

// The termination clause is there, worded so no rule matches (evergreen renewal relates to it by its heading too);
// nothing relates to the audit lookback.
const CONTRACT = `2. TERM AND TERMINATION

2.2 Plan may end its participation hereunder at its convenience by giving Provider thirty (30) days' written notice.

3. PAYMENT

Plan shall pay each invoice within thirty (30) days after receipt.`;

const document = textDocument(CONTRACT);
const report = buildReport(document, ruleset, analyze(document, ruleset));

describe('the checklist in the terminal and in the memo', () => {
  it('lists the clauses to review under each topic no rule detected, by place and reason, without rule ids', () => {
    const text = renderReportText(report);
    const section = text.slice(text.indexOf('  Checklist'));
    expect(section).toMatch(/REVIEW {7}One-sided or short termination without cause\n {15}not detected — review these clauses/);
    expect(section).toContain('• 2. TERM AND TERMINATION, clause 2.2 — heading: TERM AND TERMINATION');
    expect(section).toContain('“2.2 Plan may end its participation hereunder at its convenience');
    expect(section).toMatch(/NOT FOUND {4}Unlimited or long audit \/ overpayment lookback\n {15}no such language found/);
    expect(section).toMatch(/NOT CHECKED {2}Network rental/);
    expect(section).not.toMatch(/termination-without-cause|evergreen-renewal|audit-lookback/);
    expect(text).toMatch(/checklist: 0 risky, 1 acceptable, 2 to review, 1 not found\n$/);
  });

  it('gives the memo a "review these clauses" section with each clause', () => {
    const memo = toMarkdownMemo(report);
    expect(memo).toMatch(/\| One-sided or short termination without cause +\| Not detected +\| No rule detected it, but 1 clause relates to it: review it \(listed below\)\. +\|/);
    expect(memo).toContain('## Not detected — review these clauses');
    expect(memo).toContain('### One-sided or short termination without cause');
    expect(memo).toMatch(/- \*\*2\. TERM AND TERMINATION, clause 2\.2\*\* \(heading: TERM AND TERMINATION\): “2\.2 Plan may end its participation/);
    expect(memo).toContain('No such language found: nothing in the contract relates to this topic.');
  });
});

describe('what satisfied an absence rule, in the terminal', () => {
  it('lists every other clause that satisfied it under the acceptable language', () => {
    const text = `${CONTRACT}\n\n4. LATE CLAIMS\n\nPlan shall pay each invoice within ten (10) days after it is approved.`;
    const doc = textDocument(text);
    const out = renderReportText(buildReport(doc, ruleset, analyze(doc, ruleset)));
    const entry = analyze(doc, ruleset).checklist.find((e) => e.status === 'acceptable');
    expect(entry && 'satisfied' in entry ? entry.satisfied?.length : 0).toBeGreaterThan(1);
    expect(out).toMatch(/also found \(\d+\):/);
    expect(out).toMatch(/• 4\. LATE CLAIMS: “Plan shall pay each invoice within ten \(10\) days/);
  });
});
