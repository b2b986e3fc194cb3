/** The contract's own terms for suggested language (contract-terms.ts), and placeholders filled with them. */
import { describe, expect, it } from 'vitest';
import { CONTRACT_TERM_DEFAULTS, contractTerms } from '../src/analysis/contract-terms.ts';
import { fillText } from '../src/compile/placeholders.ts';

describe('contractTerms', () => {
  it('reads defined terms: the services term, the member term, a compensation schedule', () => {
    const text = [
      '“Behavioral Health Services” means mental health and substance use disorder services.',
      '“Enrollee” means a person enrolled in a Benefit Plan.',
      'The rates for Behavioral Health Services are in the attached schedule (the “Compensation Schedule”).',
      'Behavioral Health Services furnished to an Enrollee are paid under the Compensation Schedule. Enrollees may not be billed.',
    ].join('\n\n');
    expect(contractTerms(text)).toEqual({
      services: 'Behavioral Health Services',
      member: 'Enrollee',
      members: 'Enrollees',
      'rate-schedule': 'the Compensation Schedule',
      'product-list': CONTRACT_TERM_DEFAULTS['product-list'],
      'initial-term': CONTRACT_TERM_DEFAULTS['initial-term'],
      attachments: CONTRACT_TERM_DEFAULTS.attachments,
    });
  });

  it('calls the attached parts what the contract calls them; a fee schedule is not one', () => {
    expect(contractTerms('The Participation Attachment(s) and the Provider Networks Attachment are part of this Agreement. See Exhibit A.').attachments).toBe('Attachments');
    expect(contractTerms('Rates are in Exhibit B. Products are in Exhibit A. The Fee Schedule, the Fee Schedule and the Fee Schedule apply.').attachments).toBe('Exhibits');
    expect(contractTerms('Rates are in Schedule 2 and Schedule 3.').attachments).toBe('Schedules');
  });

  it('names the first term as the contract does, or keeps the length it states', () => {
    expect(contractTerms('The Initial Term is three (3) years. Either party may end it.')['initial-term']).toBe('the Initial Term');
    const stated = 'This Agreement starts on the Effective Date for a term of two (2) years, and renews from year to year.';
    expect(contractTerms(stated)['initial-term']).toBe('its initial term of two (2) years');
    expect(fillText('This Agreement shall expire at the end of {initial-term}.', { ...contractTerms(stated) })).toBe('This Agreement shall expire at the end of its initial term of two (2) years.');
  });

  it('finds the exhibits by their titles, or by where the sentences send the reader', () => {
    const titled = 'Plan shall pay Provider as stated below.\n\nSCHEDULE 2 — REIMBURSEMENT RATES\n\nEvaluation and management: 110% of Medicare.\n\nATTACHMENT C\nPARTICIPATING PRODUCTS\n\nCommercial HMO.';
    expect(contractTerms(titled)).toMatchObject({ 'rate-schedule': 'Schedule 2', 'product-list': 'Attachment C' });
    const cited = 'Plan shall pay the rates set forth in Exhibit B. Provider participates in the products listed in Exhibit D. Compensation is stated in Exhibit B.';
    expect(contractTerms(cited)).toMatchObject({ 'rate-schedule': 'Exhibit B', 'product-list': 'Exhibit D' });
  });

  it('reads a qualified compensation schedule and a named attachment, but not a Medicare benchmark', () => {
    const text = [
      '“Medicare Fee Schedule” means the fee schedule CMS publishes.',
      '“[REDACTED] Compensation Schedule” (“ACS”) means the document attached hereto that sets forth the rates.',
      'Plan shall pay the [REDACTED] Compensation Schedule rates, or 100% of the Medicare Fee Schedule, or the Medicare Fee Schedule rate.',
      'Provider participates only in the Networks designated on the Provider Networks Attachment.',
      'The Provider Networks Attachment may list several Networks.',
    ].join('\n\n');
    expect(contractTerms(text)).toMatchObject({ 'rate-schedule': 'the [REDACTED] Compensation Schedule', 'product-list': 'the Provider Networks Attachment' });
    // Named once only, or only as a government schedule: no such term.
    const once = 'Plan pays 100% of the Physician Fee Schedule. Provider is listed on the Provider Networks Attachment.';
    expect(contractTerms(once)).toMatchObject({ 'rate-schedule': CONTRACT_TERM_DEFAULTS['rate-schedule'], 'product-list': CONTRACT_TERM_DEFAULTS['product-list'] });
  });

  it('falls back to plain words, never to a defined term or exhibit the contract does not have', () => {
    const terms = contractTerms('Plan shall pay claims within thirty (30) days. Provider shall treat members of Plan.');
    expect(terms).toEqual(CONTRACT_TERM_DEFAULTS);
    expect(Object.values(terms).join(' ')).not.toMatch(/Exhibit A|Covered Services|Member\b/);
  });

  it('fills placeholders, with a capital where a value starts a sentence', () => {
    const values = { ...CONTRACT_TERM_DEFAULTS, provider: 'Provider' };
    expect(fillText('{services} for which no rate is stated. Then {services} and {members}.', values)).toBe('Covered services for which no rate is stated. Then covered services and members.');
    expect(fillText('{provider} shall list products in {product-list}.', values)).toBe('Provider shall list products in the product exhibit to this Agreement.');
  });
});
