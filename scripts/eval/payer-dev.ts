/**
 * Payer-dev part of `pnpm eval`: every DOCX and PDF rendering of ../shared/corpus/payer-dev,
 * scored against its gold file (see document-scoring.ts), with targets per format.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDocument } from '@redliner/parser';
import { analyze } from '@redliner/rules';
import type { Ruleset } from '@redliner/rules';
import { payerDevContracts } from '../../test/support/shared-corpus.ts';
import { emptyTally, formatNote, precisionOf, recallOf, scoreDocument } from './document-scoring.ts';
import type { Tally } from './document-scoring.ts';
import { heading, printGoldTables } from './format.ts';
import type { EvalOptions } from './options.ts';
import { PAYER_DEV_TARGETS } from './targets.ts';
import { evidenceLines } from './evidence-lines.ts';

/** Score payer-dev; returns true when every format meets PAYER_DEV_TARGETS. */
export async function evaluatePayerDev(ruleset: Ruleset, options: EvalOptions): Promise<boolean> {
  heading('payer-dev gold (../shared/corpus/payer-dev)');
  const totals = new Map<string, Tally>();
  const byConcept = new Map<string, Tally>();
  for (const contract of payerDevContracts()) {
    for (const file of contract.renderings) {
      const format = file.endsWith('.pdf') ? 'pdf' : 'docx';
      const document = await parseDocument(readFileSync(file), { name: basename(file) });
      const { findings, checklist } = analyze(document, ruleset);
      if (options.evidence) for (const line of evidenceLines(basename(file), checklist, options.concept)) console.log(line);
      const total = totals.get(format) ?? emptyTally();
      totals.set(format, total);
      const notes = scoreDocument(document, findings, contract.gold, total, byConcept)
        .filter((n) => !options.concept || n.concept === options.concept);
      if (options.verbose && notes.length > 0) console.log(`${basename(file)}\n${notes.map(formatNote).join('\n')}`);
    }
  }
  printGoldTables('format', [...totals], byConcept, options.concept);
  const { recall, precision, maxDecoyHits } = PAYER_DEV_TARGETS;
  const ok = [...totals.values()].every((t) => recallOf(t) >= recall && precisionOf(t) >= precision && t.decoyHits <= maxDecoyHits);
  console.log(`\npayer-dev targets (recall >= ${recall}, precision >= ${precision}, ${maxDecoyHits} decoy hits on every format): ${ok ? 'met' : 'NOT met'}`);
  return ok;
}
