/**
 * Key terms of the payer-dev contracts, pinned to values checked by reading each contract
 * (src/*.md) as counsel would. Skipped without ../shared.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { DEFAULT_RULESET_DIR, loadKeyTerms, readKeyTerms } from '@redliner/rules';
import { corpusPath, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

if (!SHARED_DIR) console.warn(SKIP_MESSAGE);

/** field id → display value ("not stated" for none), as read in the contract. */
const EXPECTED: Record<string, Record<string, string>> = {
  '01-ortho-physician-services.docx': {
    'effective-date': '2026-01-01',
    'initial-term': '3 years',
    'renewal-term': '1 year',
    'non-renewal-notice': '180 days',
    'termination-without-cause-payer': '60 days',
    'termination-without-cause-provider': '180 days',
    'cure-period': '30 days',
    'timely-filing-initial': '60 days',
    'timely-filing-corrected': '30 days',
    'clean-claim-payment': '45 days',
    'audit-lookback': 'no limit',
    'recoupment-notice': 'not stated',
    'amendment-notice': '30 days',
    'policy-change-notice': '30 days',
    'rate-basis': '110% of Medicare',
    'governing-law': 'Olympia',
  },
  '02-hospital-participation-hmo.pdf': {
    'effective-date': '2026-04-01',
    'initial-term': '2 years',
    'automatic-renewal': 'Yes',
    'renewal-term': '1 year',
    'non-renewal-notice': '150 days',
    'clean-claim-payment': '30 days',
    'termination-without-cause-payer': '90 days',
    'termination-without-cause-provider': '180 days',
    'cure-period': '60 days',
    'timely-filing-initial': '180 days',
    'timely-filing-corrected': '45 days',
    'appeal-window': '120 days',
    'audit-lookback': '12 months',
    'recoupment-notice': '30 days',
    'policy-change-notice': '90 days',
    'governing-law': 'Columbia',
  },
  '03-rural-clinic-medicaid-mco.docx': {
    'termination-without-cause-payer': '60 days',
    'termination-without-cause-provider': '180 days',
    'cure-period': 'not stated',
    'timely-filing-initial': '365 days',
    'appeal-window': '90 days',
    'clean-claim-payment': '30 days',
    'audit-lookback': '36 months',
    'recoupment-notice': '30 days',
    'governing-law': 'Franklin',
  },
  '04-lab-services-lbm.pdf': {
    'effective-date': '2026-03-01',
    'initial-term': '2 years',
    'automatic-renewal': 'No',
    'termination-without-cause-payer': '30 days',
    'cure-period': '30 days',
    'timely-filing-initial': '60 days',
    'policy-change-notice': '30 days',
    'governing-law': 'North Carolina',
  },
  '05-telehealth-network.docx': {
    'effective-date': '2026-01-01',
    'initial-term': '1 year',
    'automatic-renewal': 'Yes',
    'amendment-notice': '30 days',
    'policy-change-notice': '30 days',
    'governing-law': 'Columbia',
    'renewal-term': '1 year',
    'non-renewal-notice': '90 days',
    'termination-without-cause-payer': '90 days',
    'timely-filing-initial': '120 days',
    'timely-filing-corrected': '30 days',
    'appeal-window': '45 days',
    'clean-claim-payment': '30 days',
    'audit-lookback': '12 months',
    'recoupment-notice': '60 days',
  },
};

describe.skipIf(!SHARED_DIR)('key terms of the payer-dev contracts', () => {
  const { definitions } = loadKeyTerms(DEFAULT_RULESET_DIR);
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(file, async () => {
      const path = corpusPath('payer-dev', 'docs', file);
      const report = readKeyTerms(await parseDocument(readFileSync(path), { name: basename(path) }), definitions);
      const got = Object.fromEntries(Object.keys(expected).map((id) => {
        const term = report.terms.find((t) => t.id === id)!;
        return [id, term.status === 'stated' ? term.display : 'not stated'];
      }));
      expect(got).toEqual(expected);
    }, 60_000);
  }
});
