/**
 * Every payer-dev contract round-trips: parse → analyze with payer-core → redline with every
 * suggestion accepted and every finding commented → the output passes the OOXML validator and
 * is read again by our parser and, when LibreOffice is installed, by LibreOffice. Skips without ../shared.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { redline } from '@redliner/redline';
import { analyze, loadRuleset } from '@redliner/rules';
import { libreOfficeView, sofficePath } from '../packages/redline/test/helpers.ts';
import { newErrors, validateDocx, VALIDATOR_SKIP } from '../packages/redline/test/ooxml-validate.ts';
import { normalizeForMatch, payerDevContracts, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

if (!SHARED_DIR) console.warn(SKIP_MESSAGE);
else if (VALIDATOR_SKIP) console.warn(VALIDATOR_SKIP);
const soffice = sofficePath();
if (SHARED_DIR && !soffice) console.warn('LibreOffice (soffice) not found: redline round-trips are checked with our own parser only.');

describe.skipIf(!SHARED_DIR)('payer-dev redline round-trip', () => {
  const { ruleset } = loadRuleset(join(REPO_ROOT, 'rulesets', 'payer-core'));
  const files = SHARED_DIR ? payerDevContracts().flatMap((c) => c.renderings) : [];
  for (const file of files) {
    it(`${basename(file)}: every suggestion is proposed once as a tracked change, every finding a comment`, async () => {
      const original = new Uint8Array(readFileSync(file));
      const document = await parseDocument(original, { name: basename(file) });
      const { findings } = analyze(document, ruleset);
      const result = await redline({ document, findings, original, options: { author: 'Redliner', audience: 'internal', acceptUndecided: true } });
      expect(result.skipped, JSON.stringify(result.skipped.slice(0, 3))).toEqual([]);
      expect(result.applied).toHaveLength(findings.length);

      // The accepted view holds every suggested text that became a change. Composition proposes
      // the same language once and fits it to its clause (quote style, edge words), so a stretch
      // from the middle of a clause-length text is compared; the rest is corpus-accepted-text's job.
      const after = await parseDocument(result.bytes, { name: 'redlined.docx' });
      const accepted = normalizeForMatch(after.text);
      const madeChange = new Set(result.applied.filter((a) => a.change).map((a) => a.findingId));
      const changed = findings.filter((f) => f.redline?.text && madeChange.has(f.id));
      expect(changed.length, 'suggestions that became changes').toBeGreaterThan(0);
      for (const finding of changed) {
        const text = normalizeForMatch(finding.redline!.text);
        if (text.split(' ').length >= 8) expect(accepted, finding.id).toContain(text.slice(20, 80));
      }

      // ISO/IEC 29500 schemas and Word's own rules: nothing the original did not already break.
      const report = validateDocx(result.bytes, document.format === 'docx' ? original : undefined);
      if (report) expect(newErrors(report)).toEqual([]);

      if (soffice) {
        const view = libreOfficeView(soffice, result.bytes);
        expect(view.authors).toEqual(['Redliner']);
        expect(view.annotations).toBe(findings.length);
        expect(view.insertions).toBeGreaterThanOrEqual(changed.length);
      }
    });
  }
});
