/**
 * The accepted-text bar of corpus-accepted-text.test.ts on awkward files of other producers
 * (a chosen few, see AWKWARD): every suggestion accepted (payer copy) and mixed decisions
 * (internal copy) give clean Accept-All text, Reject All gives the original back (other
 * authors' revisions in the file counted as accepted), and the file adds no OOXML validation
 * problem. payer-core finds nothing in them, so they get changes made from their structure
 * (test/support/structure-findings.ts). Skips with a message without ../shared.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isParseError, parseDocument } from '@redliner/parser';
import type { ContractDocument } from '@redliner/parser';
import { isRedlineError } from '@redliner/redline';
import { analyze, loadRuleset } from '@redliner/rules';
import { VALIDATOR_SKIP } from '../packages/redline/test/ooxml-validate.ts';
import { checkScenarios } from './support/redline-scenarios.ts';
import { structureFindings } from './support/structure-findings.ts';
import { corpusPath, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

if (!SHARED_DIR) console.warn(SKIP_MESSAGE);
else if (VALIDATOR_SKIP) console.warn(VALIDATOR_SKIP);

/**
 * The awkward files, one per structure a redline breaks most easily (CI time matters: every
 * written file goes through the validator): comments, footnotes, tables, a text box, list
 * numbering, an XML part with a byte-order mark, other authors' revisions (inserted and deleted
 * paragraph marks, deleted cells, a paragraph before a table, an inserted last paragraph),
 * right-to-left text, a tagged PDF, a PDF with annotations and one with bracketed fields; and
 * three files that are refused with a clear code (Strict Open XML, a scanned and an encrypted PDF).
 */
const AWKWARD = [
  'docx/mammoth/comments.docx', 'docx/mammoth/footnotes.docx', 'docx/mammoth/tables.docx', 'docx/mammoth/text-box.docx',
  'docx/mammoth/simple-list.docx', 'docx/mammoth/strict-format.docx', 'docx/dolanmiu-docx/simple-template-4.docx',
  'docx/open-xml-powertools/Contract.docx', 'docx/open-xml-powertools/RA001-Tracked-Revisions-01.docx',
  'docx/open-xml-powertools/RP034-Deleted-Cells.docx', 'docx/open-xml-powertools/RP048-Deleted-Inserted-Para-Mark.docx',
  'docx/open-xml-powertools/RP049-Deleted-Para-Before-Table.docx', 'docx/open-xml-powertools/RP051-Arabic.docx',
  'docx/open-xml-powertools/WC054-Text-in-Cell.docx', 'docx/python-redlines/expected_redline.docx',
  'pdf/structure_simple.pdf', 'pdf/annotation-highlight.pdf', 'pdf/issue14415.pdf', 'pdf/secHandler.pdf', 'pdf/print_protection.pdf',
];

describe.skipIf(!SHARED_DIR)('awkward files of other producers: the accepted text is clean and Reject All restores the original', () => {
  const { ruleset } = loadRuleset(join(REPO_ROOT, 'rulesets', 'payer-core'));
  for (const path of AWKWARD) {
    const file = SHARED_DIR ? corpusPath(...path.split('/')) : path;
    it(basename(file), async () => {
      const original = new Uint8Array(readFileSync(file));
      let document: ContractDocument;
      try {
        document = await parseDocument(original, { name: basename(file), ocr: false });
      } catch (error) {
        // Files the parser refuses with a clear code (empty, scanned, password, damaged) are not redlined.
        expect(isParseError(error), String(error)).toBe(true);
        return;
      }
      const synthetic = structureFindings(document);
      const findings = [...analyze(document, ruleset).findings, ...synthetic];
      expect(findings.length, 'changes to make').toBeGreaterThan(0);
      try {
        await checkScenarios(document, findings, original, new Set(synthetic.map((f) => f.id)));
      } catch (error) {
        // Strict Open XML is refused with a coded message rather than edited unsafely.
        if (!(isRedlineError(error) && error.code === 'REDLINE_UNSUPPORTED_DOCX')) throw error;
      }
    });
  }
});
