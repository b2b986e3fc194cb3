/**
 * Key terms of the payer-dev contracts, pinned to values checked by reading each contract
 * (src/*.md) as counsel would: gold/payer-dev-terms/, the files `pnpm eval --only terms` scores
 * too. Skipped without ../shared.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { DEFAULT_RULESET_DIR, loadKeyTerms, readKeyTerms } from '@redliner/rules';
import { acceptedValues, loadTermGold, NOT_STATED } from '../scripts/eval/key-term-gold.ts';
import { corpusPath, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

if (!SHARED_DIR) console.warn(SKIP_MESSAGE);

describe.skipIf(!SHARED_DIR)('key terms of the payer-dev contracts', () => {
  const { definitions } = loadKeyTerms(DEFAULT_RULESET_DIR);
  const golds = loadTermGold(join(REPO_ROOT, 'gold', 'payer-dev-terms'));
  it('has a gold file for each of the five contracts', () => expect(golds).toHaveLength(5));
  for (const gold of golds) {
    it(gold.document, async () => {
      const path = corpusPath('payer-dev', 'docs', gold.document);
      const report = readKeyTerms(await parseDocument(readFileSync(path), { name: basename(path) }), definitions);
      const ids = Object.keys(gold.fields);
      const got = Object.fromEntries(ids.map((id) => {
        const term = report.terms.find((t) => t.id === id)!;
        const display = term.status === 'stated' ? term.display! : NOT_STATED;
        // A field stated differently per product accepts any of its values: compare to the one read.
        const accepted = acceptedValues(gold.fields[id]!);
        return [id, accepted.includes(display) ? accepted[0] : display];
      }));
      expect(got).toEqual(Object.fromEntries(ids.map((id) => [id, gold.fields[id]!.value])));
    }, 60_000);
  }
});
