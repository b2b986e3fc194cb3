/**
 * Every payer-dev contract round-trips: parse → analyze with payer-core → redline with the
 * default decisions (every suggestion accepted, every finding commented) → the output is read
 * again by our parser and, when LibreOffice is installed, by LibreOffice. Skips without ../shared.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { redline } from '@redliner/redline';
import { analyze, loadRuleset } from '@redliner/rules';
import { libreOfficeView, sofficePath } from '../packages/redline/test/helpers.ts';
import { normalizeForMatch, payerDevContracts, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

if (!SHARED_DIR) console.warn(SKIP_MESSAGE);
const soffice = sofficePath();
if (SHARED_DIR && !soffice) console.warn('LibreOffice (soffice) not found: redline round-trips are checked with our own parser only.');

describe.skipIf(!SHARED_DIR)('payer-dev redline round-trip', () => {
  const { ruleset } = loadRuleset(join(REPO_ROOT, 'rulesets', 'payer-core'));
  const files = SHARED_DIR ? payerDevContracts().flatMap((c) => c.renderings) : [];
  for (const file of files) {
    it(`${basename(file)}: every suggestion becomes a tracked change, every finding a comment`, async () => {
      const original = new Uint8Array(readFileSync(file));
      const document = await parseDocument(original, { name: basename(file) });
      const { findings } = analyze(document, ruleset);
      const result = await redline({ document, findings, original });
      expect(result.skipped, JSON.stringify(result.skipped.slice(0, 3))).toEqual([]);
      expect(result.applied).toHaveLength(findings.length);

      // The accepted view of the output holds every suggested text.
      const after = await parseDocument(result.bytes, { name: 'redlined.docx' });
      const accepted = normalizeForMatch(after.text);
      const changed = findings.filter((f) => f.redline?.text);
      for (const finding of changed) expect(accepted, finding.id).toContain(normalizeForMatch(finding.redline!.text).slice(0, 60));

      if (soffice) {
        const view = libreOfficeView(soffice, result.bytes);
        expect(view.authors).toEqual(['Redliner']);
        expect(view.annotations).toBe(findings.length);
        expect(view.insertions).toBeGreaterThanOrEqual(changed.length);
      }
    });
  }
});
