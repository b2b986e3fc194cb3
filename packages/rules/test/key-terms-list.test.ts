/**
 * `read: list` (products covered): the items a participation clause names, and those listed in
 * the attachment or exhibit it points to, in the contract's order; an excluded item is left out;
 * a clause that names none and points nowhere readable gives its own words.
 */
import { describe, expect, it } from 'vitest';
import { loadKeyTerms, readKeyTerms, textDocument } from '../src/index.ts';
import { valueFromText } from '../src/terms/display-value.ts';
import { referencedParts } from '../src/terms/read-list.ts';
import { PAYER_CORE } from './helpers.ts';

const bundled = loadKeyTerms(PAYER_CORE);

function products(text: string) {
  return readKeyTerms(textDocument(text), bundled.definitions).terms.find((t) => t.id === 'products-covered')!;
}

describe('products covered (read: list)', () => {
  it('follows the clause to the attachment it names and reads the list there, to the next part', () => {
    const text = [
      '2.4 Networks. Provider shall participate only in those Networks designated on the Provider Networks Attachment.',
      '3.1 Compensation. Plan shall pay Provider under the Plan Compensation Schedule.',
      'PROVIDER NETWORKS ATTACHMENT',
      'Designated Networks:',
      '- Apple Health (Medicaid) Managed Care',
      '- Medicare Advantage HMO and Dual Special Needs Plans',
      'PLAN COMPENSATION SCHEDULE',
      'Commercial products are paid at 120% of the Medicare fee schedule.',
    ].join('\n\n');
    const term = products(text);
    expect(term.value).toEqual({ kind: 'list', items: ['Medicaid', 'Medicare Advantage'] });
    expect(term.display).toBe('Medicaid; Medicare Advantage');
    expect(term.location?.label).toBe('2.4');
  });

  it('reads the list that follows a clause introducing it', () => {
    const text = ['NETWORKS ATTACHMENT', 'Provider shall be a Participating Provider in the following Networks:', '- TennCare Medicaid', '- Commercial PPO', 'PLAN COMPENSATION SCHEDULE', 'Medicare Advantage services are paid at 100% of the Medicare fee schedule.'].join('\n\n');
    expect(products(text).value).toEqual({ kind: 'list', items: ['Medicaid', 'Commercial'] });
  });

  it('reads the items the clause itself names, in its order, and leaves out an excluded one', () => {
    const term = products('4.1 Products. Group shall participate in Plan\u2019s commercial PPO and Marketplace plans (qualified health plans) but not in any Medicaid product.');
    expect(term.value).toEqual({ kind: 'list', items: ['Commercial', 'Marketplace'] });
  });

  it('gives the clause\u2019s own words when it names no item and the part it points to is not in the file', () => {
    const term = products('2.2 Products. Hospital participates only in the Products listed in Exhibit A.');
    expect(term.status).toBe('stated');
    expect(term.value).toEqual({ kind: 'text', text: 'Hospital participates only in the Products listed in Exhibit A.' });
  });

  it('names the parts a clause points to, without the words that only open a sentence', () => {
    expect(referencedParts('The Provider Networks Attachment and Exhibit B-1 apply, as does Schedule No. 2; see the Attachment.')).toEqual(['provider networks attachment', 'exhibit b', 'schedule 2']);
  });

  it('reads a typed correction as a list', () => {
    expect(valueFromText('list', 'Medicaid; CHIP and Medicare Advantage')).toEqual({ kind: 'list', items: ['Medicaid', 'CHIP', 'Medicare Advantage'] });
  });
});
