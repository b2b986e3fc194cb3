/**
 * Key-term mechanisms met on real payer agreements: whose period a duration is, and what it
 * bounds. Each case is written in our own words.
 */
import { describe, expect, it } from 'vitest';
import { loadKeyTerms, readKeyTerms, textDocument } from '../src/index.ts';
import { PAYER_CORE } from './helpers.ts';

const bundled = loadKeyTerms(PAYER_CORE);

function display(id: string, text: string): string {
  const t = readKeyTerms(textDocument(text), bundled.definitions).terms.find((x) => x.id === id)!;
  return t.status === 'stated' ? t.display! : 'not stated';
}

describe('provider appeal / dispute window', () => {
  it('reads the period that follows the provider\u2019s filing act', () => {
    expect(display('appeal-window', 'Provider may contest a denied claim by filing a written appeal within sixty (60) days after the remittance date.')).toBe('60 days');
  });

  it('reads time the payer must allow the provider for starting a dispute', () => {
    expect(display('appeal-window', 'Plan shall allow no fewer than forty-five (45) days after the adverse action for providers to initiate a dispute.')).toBe('45 days');
  });

  it('reads a request for review of a denied claim', () => {
    expect(display('appeal-window', 'Provider may request a review of any denied claim within ninety (90) days of the denial.')).toBe('90 days');
  });

  it('does not read a deadline on the payer\u2019s answer as the provider\u2019s window', () => {
    expect(display('appeal-window', 'Where the Plan fails to answer a reconsideration request within thirty (30) days, Provider may take the claim dispute to the state regulator.')).toBe('not stated');
  });

  it('does not read a window to question a report\u2019s data as a claim appeal', () => {
    expect(display('appeal-window', 'If Provider questions the figures in a quarterly quality report, Provider may request reconsideration of the report within twenty (20) days.')).toBe('not stated');
  });
});

describe('amendment notice', () => {
  it('reads the notice for the payer\u2019s amendments, not the exception for amendments the law forces', () => {
    const text = [
      '12.1 Plan may amend this Agreement as follows without Provider\u2019s signature:',
      '12.1.1 On fifteen (15) days\u2019 written notice, where the amendment is needed to comply with a change in state law.',
      '12.1.2 On ninety (90) days\u2019 written notice, for any other amendment.',
    ].join('\n\n');
    expect(display('amendment-notice', text)).toBe('90 days');
  });

  it('keeps a notice for amendments the law does not require', () => {
    expect(display('amendment-notice', 'For amendments not required by law, Plan shall give Provider written notice at least forty-five (45) days before the amendment takes effect.')).toBe('45 days');
  });
});

describe('initial term', () => {
  it('reads the period after "term of", not the renewal terms that follow', () => {
    expect(display('initial-term', 'This Agreement starts on the Effective Date for a term of three (3) years and renews thereafter for successive one (1) year terms.')).toBe('3 years');
  });
});

describe('late-payment interest', () => {
  it('reads the rate and its period, not the citation after it', () => {
    expect(display('late-payment-interest', 'Plan shall pay interest at the rate of two percent (2%) per month, as set out in the state insurance code as amended from time to time, on Clean Claims not paid within thirty (30) days.')).toBe('two percent (2%) per month');
  });

  it('keeps a decimal rate whole and follows a comma into more of the rate', () => {
    expect(display('late-payment-interest', 'Claims not paid on time earn interest at 1.5% per month, from the date payment was due.')).toBe('1.5% per month, from the date payment was due');
  });

  it('reads no interest where the payer owes none', () => {
    expect(display('late-payment-interest', 'Plan shall not pay interest on any claim paid after thirty (30) days.')).toBe('not stated');
    expect(display('late-payment-interest', 'Plan shall not be responsible for interest payments that may be the result of a late notification of a fee schedule change.')).toBe('not stated');
  });
});

describe('dispute forum', () => {
  it('reads the forum from the arbitration clause, not the mediation step that names the arbitral body', () => {
    const text = [
      '7.1 Dispute Resolution. All disputes shall be resolved using the dispute resolution and arbitration procedures as set forth below.',
      '7.1.1 The parties shall engage in non-binding mediation. Failing agreement, Judicial Arbitration and Mediation Services shall be authorized to appoint a mediator.',
      '7.2 Arbitration. Any dispute that remains unresolved shall be resolved by binding confidential arbitration in the manner as set forth below.',
    ].join('\n\n');
    expect(display('dispute-forum', text)).toBe('binding confidential arbitration');
  });

  it('ends a long forum at a whole word', () => {
    const forum = display('dispute-forum', 'Any dispute shall be settled by binding arbitration administered by the American Arbitration Association under its Commercial Arbitration Rules before a single arbitrator.');
    expect(forum).toMatch(/^binding arbitration administered by the American Arbitration Association/);
    expect(forum).toMatch(/\b(?:Rules|before|a|single)$/);
  });
});
