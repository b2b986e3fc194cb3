/**
 * The clause-bank scoring behind `pnpm eval` (scripts/eval/bank-scoring.ts): outcomes per label,
 * the held-back slice rule and the party mapping; and the agreement scoring
 * (scripts/eval/document-scoring.ts). Needs no ../shared.
 */
import { describe, expect, it } from 'vitest';
import { addOutcome, bankFalseAlarmRate, bankParties, bankRecall, bankSlice, emptyBankTally, scoreBankItem } from '../scripts/eval/bank-scoring.ts';
import type { BankFinding } from '../scripts/eval/bank-scoring.ts';
import { emptyTally, scoreDocument } from '../scripts/eval/document-scoring.ts';
import { parseEvalOptions } from '../scripts/eval/options.ts';
import { textDocument, type Finding } from '@redliner/rules';
import type { GoldFile } from './support/shared-corpus.ts';

const presence = (concept: string): BankFinding => ({ concept, kind: 'presence', ruleId: `${concept}-rule` });
const absence = (concept: string): BankFinding => ({ concept, kind: 'absence', ruleId: `${concept}-missing` });

describe('scoreBankItem', () => {
  it('counts a risky item as hit on a presence or absence finding of its concept', () => {
    expect(scoreBankItem('risky', 'evergreen-renewal', [presence('evergreen-renewal')])).toBe('hit');
    expect(scoreBankItem('risky', 'prompt-pay', [absence('prompt-pay')])).toBe('hit');
  });

  it('ignores findings of other concepts', () => {
    expect(scoreBankItem('risky', 'prompt-pay', [presence('appeal-rights'), absence('appeal-rights')])).toBe('miss');
    expect(scoreBankItem('fine', 'prompt-pay', [presence('timely-filing')])).toBe('ok');
    expect(scoreBankItem('protective', 'audit-lookback', [absence('prompt-pay')])).toBe('ok');
  });

  it('misses a risky item with no findings', () => {
    expect(scoreBankItem('risky', 'network-rental', [])).toBe('miss');
  });

  it('flags a fine item only on a presence finding: an absence finding on a look-alike is expected', () => {
    expect(scoreBankItem('fine', 'audit-lookback', [presence('audit-lookback')])).toBe('false-alarm');
    expect(scoreBankItem('fine', 'audit-lookback', [absence('audit-lookback')])).toBe('ok');
    expect(scoreBankItem('fine', 'audit-lookback', [])).toBe('ok');
  });

  it('flags a protective item on any finding of its concept', () => {
    expect(scoreBankItem('protective', 'prompt-pay', [absence('prompt-pay')])).toBe('false-alarm');
    expect(scoreBankItem('protective', 'clean-claim-definition', [presence('clean-claim-definition')])).toBe('false-alarm');
    expect(scoreBankItem('protective', 'prompt-pay', [])).toBe('ok');
  });
});

describe('bankSlice', () => {
  it('puts ids whose trailing number is divisible by 5 aside, whatever the label letter', () => {
    for (const id of ['prompt-pay-r05', 'prompt-pay-f10', 'prompt-pay-p15', 'all-products-r20', 'x-r100']) expect(bankSlice(id)).toBe('aside');
    for (const id of ['prompt-pay-r01', 'prompt-pay-f04', 'prompt-pay-p06', 'all-products-r21', 'x-r51']) expect(bankSlice(id)).toBe('seen');
  });

  it('reads only the trailing number, not digits elsewhere in the id', () => {
    expect(bankSlice('concept5-r01')).toBe('seen');
    expect(bankSlice('concept1-r25')).toBe('aside');
  });

  it('rejects an id without the -r|f|pNN suffix rather than guess its slice', () => {
    expect(() => bankSlice('prompt-pay-05')).toThrow(/-r\|f\|pNN/);
    expect(() => bankSlice('prompt-pay-x05')).toThrow();
  });
});

describe('bankParties', () => {
  it('expands pronoun drafting and keeps defined terms', () => {
    const parties = bankParties({ text: 'We may end this agreement; you may not.', parties: { payer: ['we'], provider: ['you'] } });
    expect(parties.payer).toEqual(['we', 'us', 'our']);
    expect(parties.provider).toEqual(['you', 'your']);
    expect(bankParties({ text: 'Plan and Provider', parties: { payer: ['Plan'], provider: ['Provider'] } })).toEqual({ payer: ['Plan'], provider: ['Provider'], unmapped: [] });
  });

  it('leaves a side with no terms at the default', () => {
    const parties = bankParties({ text: 'Claims are paid in 30 days.', parties: { payer: [], provider: ['Provider'] } });
    expect(parties.payer).toBeUndefined();
    expect(parties.provider).toEqual(['Provider']);
  });

  it('maps [REDACTED] as written and [blank] to the run of underscores in the text', () => {
    const parties = bankParties({ text: 'between ______ (the "Insurer") and [REDACTED]', parties: { payer: ['[blank]', 'Insurer'], provider: ['[REDACTED]'] } });
    expect(parties.payer).toEqual(['______', 'Insurer']);
    expect(parties.provider).toEqual(['[REDACTED]']);
  });

  it('reports a [blank] with no underscores in the text as unmapped', () => {
    const parties = bankParties({ text: 'Plan may renew.', parties: { payer: ['[blank]', 'Plan'] } });
    expect(parties.payer).toEqual(['Plan']);
    expect(parties.unmapped).toEqual(['[blank]']);
  });
});

describe('bank tallies', () => {
  it('computes recall over risky items and false alarms over fine + protective items', () => {
    const tally = emptyBankTally();
    for (const outcome of ['hit', 'hit', 'miss', 'ok', 'ok', 'ok', 'false-alarm'] as const) addOutcome(tally, outcome);
    expect(tally).toEqual({ risky: 3, hits: 2, clean: 4, falseAlarms: 1 });
    expect(bankRecall(tally)).toBeCloseTo(2 / 3);
    expect(bankFalseAlarmRate(tally)).toBe(0.25);
  });

  it('does not fail an empty slice', () => {
    expect(bankRecall(emptyBankTally())).toBe(1);
    expect(bankFalseAlarmRate(emptyBankTally())).toBe(0);
  });
});

describe('scoreDocument', () => {
  const text = 'Plan may recover overpayments at any time.\n\nThe parties agree as follows.\n\nPlan may recover overpayments at any time.';
  const document = textDocument(text, { payer: ['Plan'] });
  const gold: GoldFile = { flags: [{ concept: 'recoupment-offset', quote: 'Plan may recover overpayments at any time.' }] } as GoldFile;
  const at = (start: number): Finding => ({ concept: 'recoupment-offset', kind: 'presence', ruleId: 'r', span: { start, end: start + 10 }, quote: text.slice(start, start + 10) }) as Finding;

  it('counts a finding on either copy of a clause printed twice as the label’s, not a false alarm', () => {
    const total = emptyTally();
    const notes = scoreDocument(document, [at(0), at(text.lastIndexOf('Plan may'))], gold, total, new Map());
    expect(total).toMatchObject({ gold: 1, found: 1, findings: 2, truePositives: 2 });
    expect(notes).toEqual([]);
  });

  it('still calls a finding on another clause a false alarm', () => {
    const total = emptyTally();
    const notes = scoreDocument(document, [at(text.indexOf('The parties'))], gold, total, new Map());
    expect(total).toMatchObject({ gold: 1, found: 0, truePositives: 0 });
    expect(notes.map((n) => n.kind).sort()).toEqual(['false-positive', 'missed']);
  });
});

describe('parseEvalOptions', () => {
  it('shows the aside slice only when asked, or when --strict needs it for its gate', () => {
    expect(parseEvalOptions([]).aside).toBe(false);
    expect(parseEvalOptions(['--only', 'bank']).aside).toBe(false);
    expect(parseEvalOptions(['--aside']).aside).toBe(true);
    expect(parseEvalOptions(['--strict', '--no-ocr']).aside).toBe(true);
  });
});
