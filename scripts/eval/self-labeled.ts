/**
 * Self-labeled part of `pnpm eval`: real HiLabs agreements labeled by the team in
 * `gold/hilabs_2025/<file-stem>.json` (payer-dev gold format), each scored on its PDF in
 * ../shared/corpus/payer/hilabs_2025 exactly like payer-dev (document-scoring.ts).
 * Quotes that cannot be located in the parsed text are listed apart from real misses: they are
 * labeling (or parsing) errors, not rule errors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '@redliner/parser';
import { analyze } from '@redliner/rules';
import type { Ruleset } from '@redliner/rules';
import { corpusPath, REPO_ROOT } from '../../test/support/shared-corpus.ts';
import type { GoldFile } from '../../test/support/shared-corpus.ts';
import { addTally, emptyTally, formatNote, precisionOf, recallOf, scoreDocument } from './document-scoring.ts';
import type { ScoreNote, Tally } from './document-scoring.ts';
import { heading, printGoldTables } from './format.ts';
import type { EvalOptions } from './options.ts';
import { TARGETS } from './targets.ts';
import { evidenceLines } from './evidence-lines.ts';

/** Where the self-labels live, relative to the repository root. */
export const SELF_LABEL_DIR = join('gold', 'hilabs_2025');
/**
 * Agreements labeled by readers who never saw the rules or their findings, kept as a held-out
 * check: only their overall numbers are printed (no per-concept rows, no misses, even with
 * `--verbose`), so that writing rules cannot fit them.
 */
export const HELD_OUT_LABEL_DIR = join('gold', 'hilabs_2025_unseen');

/** Which labeled set to score. */
export interface LabeledSet {
  dir: string;
  title: string;
  targets: { recall: number; precision: number; maxDecoyHits: number };
  /** Print only per-agreement and overall numbers, never per-concept rows or notes. */
  heldOut: boolean;
  /**
   * Whether the labels cover the scanned pages (read by OCR). The held-out labels were written on
   * the text layer alone: with OCR, every finding on a scanned page would count as a false alarm.
   */
  labelsScannedPages: boolean;
}

/** The seen self-labels (misses may be read while writing rules). */
export const SEEN_SET: LabeledSet = { dir: SELF_LABEL_DIR, title: 'self-labeled agreements', targets: TARGETS.selfLabeled, heldOut: false, labelsScannedPages: true };
/** The held-out labels. */
export const HELD_OUT_SET: LabeledSet = { dir: HELD_OUT_LABEL_DIR, title: 'held-out labeled agreements', targets: TARGETS.heldOut, heldOut: true, labelsScannedPages: false };

const UNLOCATED: ReadonlySet<ScoreNote['kind']> = new Set(['unlocated', 'unlocated-decoy']);

/**
 * OCR time limit per page for scoring: long, so that a busy machine gives the same score as an
 * idle one (a page given up on would lose its labels' findings at random).
 */
const EVAL_OCR_PAGE_MS = 600_000;

/** A label quoting a scanned page's text as OCR reads it (`"ocr": true`). */
type MaybeOcrLabel = { ocr?: boolean };

/** The gold file without its labels on scanned pages: with OCR off, their text is never read. */
function withoutOcrLabels(gold: GoldFile): { gold: GoldFile; left: number } {
  const keep = <T extends object>(list: readonly T[] | undefined): T[] => (list ?? []).filter((label) => (label as MaybeOcrLabel).ocr !== true);
  const flags = keep(gold.flags);
  const decoys = keep(gold.decoys);
  return { gold: { ...gold, flags, decoys }, left: (gold.flags?.length ?? 0) - flags.length + (gold.decoys?.length ?? 0) - decoys.length };
}

/**
 * Score the self-labeled agreements; returns true when TARGETS.selfLabeled is met (or nothing is
 * labeled yet). `dir` is only overridden to try label files before they go into the repo.
 */
export async function evaluateSelfLabeled(ruleset: Ruleset, options: EvalOptions, set: LabeledSet = SEEN_SET, dir = join(REPO_ROOT, set.dir)): Promise<boolean> {
  heading(`${set.title} (${set.dir}/ on ../shared/corpus/payer/hilabs_2025)`);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  if (files.length === 0) {
    console.log(`no labeled agreements yet (${set.dir}/ has no .json files); nothing scored`);
    return true;
  }
  const ocr = options.ocr && set.labelsScannedPages;
  if (options.ocr && !ocr) console.log('scanned pages unread: these labels were written on the text layer alone');
  else console.log(ocr ? 'scanned pages read with OCR (--no-ocr to leave them out)' : 'OCR off (--no-ocr): scanned pages unread, their labels left out');
  let leftOut = 0;
  const rows: Array<[string, Tally]> = [];
  const total = emptyTally();
  const byConcept = new Map<string, Tally>();
  for (const file of files) {
    const labels = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldFile;
    const { gold, left } = ocr ? { gold: labels, left: 0 } : withoutOcrLabels(labels);
    leftOut += left;
    // `file` is the PDF's stem; tolerate a label that kept the extension.
    const stem = (gold.file ?? file.replace(/\.json$/, '')).replace(/\.pdf$/i, '');
    const pdf = corpusPath('payer', 'hilabs_2025', `${stem}.pdf`);
    if (!existsSync(pdf)) {
      console.log(`warning: ${file}: ${stem}.pdf is not in ../shared/corpus/payer/hilabs_2025; skipped`);
      continue;
    }
    const document = await parseDocument(readFileSync(pdf), { name: `${stem}.pdf`, ocr, ocrPageTimeoutMs: EVAL_OCR_PAGE_MS });
    const { findings, checklist } = analyze(document, ruleset);
    // Never for the held-out agreements: what satisfied a rule there is as telling as a miss.
    if (options.evidence && !set.heldOut) for (const line of evidenceLines(`${stem}.pdf`, checklist, options.concept)) console.log(line);
    const tally = emptyTally();
    const notes = scoreDocument(document, findings, gold, tally, byConcept).filter((n) => !options.concept || n.concept === options.concept);
    addTally(total, tally);
    rows.push([stem, tally]);
    if (options.verbose && !set.heldOut && notes.length > 0) {
      const unlocated = notes.filter((n) => UNLOCATED.has(n.kind));
      const rest = notes.filter((n) => !UNLOCATED.has(n.kind));
      console.log(`${stem}.pdf`);
      if (unlocated.length > 0) console.log(` gold quotes not found in the parsed text (fix the label):\n${unlocated.map(formatNote).join('\n')}`);
      if (rest.length > 0) console.log(` misses and false positives:\n${rest.map(formatNote).join('\n')}`);
    }
  }
  if (rows.length === 0) {
    console.log('no self-labeled agreement had its PDF; nothing scored');
    return true;
  }
  if (leftOut > 0 && !set.heldOut) console.log(`${leftOut} labels on scanned pages left out (OCR off)`);
  printGoldTables('agreement', [...rows, ['all', total]], set.heldOut ? null : byConcept, options.concept);
  const { recall, precision, maxDecoyHits } = set.targets;
  const ok = recallOf(total) >= recall && precisionOf(total) >= precision && total.decoyHits <= maxDecoyHits;
  console.log(`\n${set.title} targets (recall >= ${recall}, precision >= ${precision}, ${maxDecoyHits} decoy hits, all agreements together): ${ok ? 'met' : 'NOT met'}`);
  return ok;
}
