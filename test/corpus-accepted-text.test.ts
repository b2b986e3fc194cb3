/**
 * On every payer-dev contract (DOCX and PDF), with every suggestion accepted and with mixed
 * decisions (rejected, fallback alternatives, edited wording): the text after Accept All is
 * clean contract text (accepted-text-checks.ts), Reject All gives the original back exactly,
 * and the file passes the OOXML validator with no problem the original did not have.
 * Skips with a message without ../shared.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { analyze, loadRuleset } from '@redliner/rules';
import { VALIDATOR_SKIP } from '../packages/redline/test/ooxml-validate.ts';
import { originalTexts, paragraphDiffs, runScenario, SCENARIOS } from './support/redline-scenarios.ts';
import { payerDevContracts, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

if (!SHARED_DIR) console.warn(SKIP_MESSAGE);
else if (VALIDATOR_SKIP) console.warn(VALIDATOR_SKIP);

describe.skipIf(!SHARED_DIR)('payer-dev: the accepted text is clean and Reject All restores the original', () => {
  const { ruleset } = loadRuleset(join(REPO_ROOT, 'rulesets', 'payer-core'));
  const files = SHARED_DIR ? payerDevContracts().flatMap((c) => c.renderings) : [];
  for (const file of files) {
    for (const [scenario, decide, audience] of SCENARIOS) {
      it(`${basename(file)}: ${scenario}`, async () => {
        const original = new Uint8Array(readFileSync(file));
        const document = await parseDocument(original, { name: basename(file) });
        const { findings } = analyze(document, ruleset);
        const outcome = await runScenario({ document, findings, original, decisions: decide(findings), audience });
        expect(outcome.result.skipped, JSON.stringify(outcome.result.skipped.slice(0, 3))).toEqual([]);
        expect(outcome.result.applied.some((a) => a.change), 'some change is made').toBe(true);
        expect(outcome.problems).toEqual([]);
        expect(paragraphDiffs(outcome.rejected, await originalTexts(document, findings, original))).toEqual([]);
        expect(outcome.validation).toEqual([]);
      });
    }
  }
});
