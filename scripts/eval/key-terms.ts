/**
 * Key-terms part of `pnpm eval` (`--only terms`, `--only terms-held-out`): what `redliner terms`
 * reads from each contract, field by field against gold files (key-term-gold.ts), as
 * "correct / stated", "missed" and "invented" (a value where the contract states none). Sets:
 * payer-dev, the seen HiLabs agreements and the held-out ones, whose numbers are printed only
 * in aggregate (no per-field rows, no diffs even with `--verbose`) so that the extractor cannot
 * be fitted to them. HiLabs PDFs are read without OCR: the labels were written on the text layer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '@redliner/parser';
import { DEFAULT_RULESET_DIR, loadKeyTerms, readKeyTerms } from '@redliner/rules';
import type { KeyTermDefinitions } from '@redliner/rules';
import { corpusPath, REPO_ROOT } from '../../test/support/shared-corpus.ts';
import { fraction, heading, row } from './format.ts';
import { loadTermGold, NOT_STATED } from './key-term-gold.ts';
import { addTermTally, emptyTermTally, scoreTerms } from './key-term-scoring.ts';
import type { TermTally } from './key-term-scoring.ts';
import type { EvalOptions } from './options.ts';
import { TERM_TARGETS } from './targets.ts';

/** A labeled set of contracts for key terms. */
export interface TermSet {
  title: string;
  /** Gold folder, relative to the repository root. */
  dir: string;
  /** Corpus folder (under ../shared/corpus) holding the documents. */
  corpus: string[];
  heldOut: boolean;
}

/** The payer-dev contracts (also pinned by test/corpus-key-terms.test.ts). */
export const PAYER_DEV_TERMS: TermSet = { title: 'payer-dev', dir: join('gold', 'payer-dev-terms'), corpus: ['payer-dev', 'docs'], heldOut: false };
/** HiLabs agreements whose misses may be read while fixing the extractor. */
export const SEEN_TERMS: TermSet = { title: 'HiLabs seen', dir: join('gold', 'hilabs_2025_terms'), corpus: ['payer', 'hilabs_2025'], heldOut: false };
/** HiLabs agreements kept aside: aggregate only. */
export const HELD_OUT_TERMS: TermSet = { title: 'HiLabs held-out', dir: join('gold', 'hilabs_2025_terms_unseen'), corpus: ['payer', 'hilabs_2025'], heldOut: true };

/** Display values per field id, "not stated" for none. */
async function readDisplays(path: string, name: string, definitions: KeyTermDefinitions): Promise<Map<string, string>> {
  const document = await parseDocument(readFileSync(path), { name, ocr: false });
  const report = readKeyTerms(document, definitions);
  return new Map(report.terms.map((t) => [t.id, t.status === 'stated' && t.display ? t.display : NOT_STATED]));
}

/** Score one set; prints its table and returns the overall tally. */
export async function scoreTermSet(set: TermSet, definitions: KeyTermDefinitions, verbose: boolean): Promise<TermTally> {
  const total = emptyTermTally();
  const byField = new Map<string, TermTally>();
  for (const gold of loadTermGold(join(REPO_ROOT, set.dir))) {
    const path = corpusPath(...set.corpus, gold.document);
    if (!existsSync(path)) {
      console.log(`warning: ${gold.document} is not in ../shared/corpus/${set.corpus.join('/')}; skipped`);
      continue;
    }
    const results = scoreTerms(gold, await readDisplays(path, gold.document, definitions), byField, total);
    const diffs = results.filter((r) => r.outcome !== 'correct' && r.outcome !== 'none');
    if (verbose && !set.heldOut && diffs.length > 0) {
      console.log(gold.document);
      for (const d of diffs) console.log(`  ${d.outcome}: ${d.id}: got "${d.got}", gold "${d.expected.join('" or "')}"`);
    }
  }
  if (!set.heldOut) {
    console.log(`\n${row('field', 'correct / stated', 'missed', 'wrong', 'invented / not stated')}`);
    for (const [id, t] of [...byField].sort((a, b) => a[0].localeCompare(b[0]))) console.log(row(id, `${t.correct}/${t.stated}`, t.missed, t.wrong, `${t.invented}/${t.notStated}`));
  }
  console.log(row(`${set.title}: all fields`, fraction(total.correct, total.stated), `missed ${total.missed}`, `wrong ${total.wrong}`, `invented ${total.invented}/${total.notStated}`));
  return total;
}

/** Run the key-terms part for `sets`; true when every set meets its gate in TERM_TARGETS. */
export async function evaluateKeyTerms(options: EvalOptions, sets: readonly TermSet[]): Promise<boolean> {
  const { definitions, errors } = loadKeyTerms(DEFAULT_RULESET_DIR);
  if (errors.length > 0) console.log(`warning: ${errors.length} key-term definition errors`);
  let ok = true;
  const all = emptyTermTally();
  for (const set of sets) {
    heading(`key terms: ${set.title} (${set.dir}/)`);
    const t = await scoreTermSet(set, definitions, options.verbose);
    addTermTally(all, t);
    const gate = TERM_TARGETS.bySet[set.title] ?? TERM_TARGETS.team;
    const share = t.stated === 0 ? 1 : t.correct / t.stated;
    const met = share >= gate.correct && t.invented <= gate.maxInvented;
    const team = share >= TERM_TARGETS.team.correct && t.invented <= TERM_TARGETS.team.maxInvented;
    console.log(`${set.title}: gate >= ${gate.correct} correct, ${gate.maxInvented} invented: ${met ? 'met' : 'NOT met'}; team target >= ${TERM_TARGETS.team.correct}: ${team ? 'met' : 'not met'}`);
    ok &&= met;
  }
  console.log(`\nkey-term gates (each set, see targets.ts): ${ok ? 'met' : 'NOT met'}`);
  return ok;
}
