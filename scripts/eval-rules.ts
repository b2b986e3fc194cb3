/**
 * `pnpm eval`: scores `analyze` with the bundled ruleset against the payer-dev gold labels,
 * for every DOCX and PDF rendering, exactly as the team scores it:
 * - a finding matches a gold flag when the concept is the same and its span overlaps the
 *   flagged paragraph (the block holding the quote);
 * - an absence finding matches a gold `absent` concept;
 * - any other finding is a false positive; one that overlaps a gold decoy of its concept is a
 *   decoy hit.
 * Skips with a message when ../shared is absent. `--strict` exits 1 below the targets.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from '@redliner/parser';
import type { ContractDocument } from '@redliner/parser';
import { analyze, loadRuleset } from '@redliner/rules';
import type { Finding } from '@redliner/rules';
import { normalizeForMatch, payerDevContracts, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from '../test/support/shared-corpus.ts';

interface Tally {
  gold: number;
  found: number;
  findings: number;
  truePositives: number;
  decoyHits: number;
}

const empty = (): Tally => ({ gold: 0, found: 0, findings: 0, truePositives: 0, decoyHits: 0 });

function blockOf(document: ContractDocument, quote: string): { start: number; end: number } | undefined {
  const needle = normalizeForMatch(quote);
  return document.blocks.find((b) => normalizeForMatch(document.text.slice(b.start, b.end)).includes(needle));
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Score one rendering; adds into per-format and per-concept tallies. Returns missed and false-positive notes. */
function scoreDocument(document: ContractDocument, findings: Finding[], gold: ReturnType<typeof payerDevContracts>[number]['gold'], total: Tally, byConcept: Map<string, Tally>, notes: string[]): void {
  const tally = (concept: string) => {
    let t = byConcept.get(concept);
    if (!t) byConcept.set(concept, (t = empty()));
    return t;
  };
  const absent = (gold.absent as Array<string | { concept: string }>).map((a) => (typeof a === 'string' ? a : a.concept));
  const flags = gold.flags.map((f) => ({ ...f, block: blockOf(document, f.quote) }));
  const decoys = gold.decoys.map((d) => ({ ...d, block: blockOf(document, d.quote) }));

  for (const flag of flags) {
    total.gold++;
    tally(flag.concept).gold++;
    const hit = flag.block && findings.some((f) => f.concept === flag.concept && f.span && overlaps(f.span, flag.block!));
    if (hit) {
      total.found++;
      tally(flag.concept).found++;
    } else notes.push(`  missed ${flag.concept}: "${flag.quote.slice(0, 90)}"`);
  }
  for (const concept of absent) {
    total.gold++;
    tally(concept).gold++;
    if (findings.some((f) => f.concept === concept && f.kind === 'absence')) {
      total.found++;
      tally(concept).found++;
    } else notes.push(`  missed absence of ${concept}`);
  }
  for (const finding of findings) {
    total.findings++;
    tally(finding.concept).findings++;
    const good = finding.kind === 'absence'
      ? absent.includes(finding.concept)
      : flags.some((g) => g.concept === finding.concept && g.block && finding.span && overlaps(finding.span, g.block));
    if (good) {
      total.truePositives++;
      tally(finding.concept).truePositives++;
      continue;
    }
    const decoy = finding.span && decoys.some((d) => d.concept === finding.concept && d.block && overlaps(finding.span!, d.block));
    if (decoy) {
      total.decoyHits++;
      tally(finding.concept).decoyHits++;
    }
    notes.push(`  ${decoy ? 'DECOY HIT' : 'false positive'} ${finding.concept} (${finding.ruleId}): "${finding.quote.slice(0, 90)}"`);
  }
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Run the evaluation; returns true when every target is met. */
export async function evaluate(options: { verbose: boolean }): Promise<boolean> {
  if (!SHARED_DIR) {
    console.log(`rules evaluation: ${SKIP_MESSAGE}`);
    return true;
  }
  const { ruleset, errors } = loadRuleset(join(REPO_ROOT, 'rulesets', 'payer-core'));
  if (errors.length > 0) console.log(`warning: ${errors.length} rule errors while loading payer-core`);
  const totals = new Map<string, Tally>();
  const byConcept = new Map<string, Tally>();
  let ok = true;
  for (const contract of payerDevContracts()) {
    for (const file of contract.renderings) {
      const format = file.endsWith('.pdf') ? 'pdf' : 'docx';
      const document = await parseDocument(readFileSync(file), { name: basename(file) });
      const { findings } = analyze(document, ruleset);
      const total = totals.get(format) ?? empty();
      totals.set(format, total);
      const notes: string[] = [];
      scoreDocument(document, findings, contract.gold, total, byConcept, notes);
      if (options.verbose && notes.length > 0) console.log(`${basename(file)}\n${notes.join('\n')}`);
    }
  }
  console.log('\nformat | recall | precision | decoy hits | gold | findings');
  for (const [format, t] of totals) {
    const recall = ratio(t.found, t.gold);
    const precision = ratio(t.truePositives, t.findings);
    console.log(`${format} | ${recall.toFixed(3)} | ${precision.toFixed(3)} | ${t.decoyHits} | ${t.gold} | ${t.findings}`);
    if (recall < 0.95 || precision < 0.95 || t.decoyHits > 0) ok = false;
  }
  console.log('\nconcept | gold | found | findings | false pos | decoy hits');
  for (const [concept, t] of [...byConcept].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`${concept} | ${t.gold} | ${t.found} | ${t.findings} | ${t.findings - t.truePositives} | ${t.decoyHits}`);
  }
  console.log(`\ntargets (recall >= 0.95, precision >= 0.95, 0 decoy hits on both formats): ${ok ? 'met' : 'NOT met'}`);
  return ok;
}

const strict = process.argv.includes('--strict');
const met = await evaluate({ verbose: process.argv.includes('--verbose') || process.argv.includes('-v') });
if (strict && !met) process.exitCode = 1;
