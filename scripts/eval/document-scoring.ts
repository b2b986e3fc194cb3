/**
 * Scoring one parsed contract against a gold file, exactly as the team scores payer-dev:
 * - a finding matches a gold flag when the concept is the same and its span overlaps the
 *   flagged paragraph (the block holding the quote, compared after normalizeForMatch);
 * - an absence finding matches a gold `absent` concept;
 * - any other finding is a false positive; one that overlaps a gold decoy of its concept is a
 *   decoy hit.
 * Used for payer-dev and for the self-labeled real agreements.
 */
import type { ContractDocument } from '@redliner/parser';
import type { Finding } from '@redliner/rules';
import { normalizeForMatch } from '../../test/support/shared-corpus.ts';
import type { GoldFile } from '../../test/support/shared-corpus.ts';

/** Counts for one format, agreement or concept. */
export interface Tally {
  gold: number;
  found: number;
  findings: number;
  truePositives: number;
  decoyHits: number;
}

/** A zeroed tally. */
export const emptyTally = (): Tally => ({ gold: 0, found: 0, findings: 0, truePositives: 0, decoyHits: 0 });

/** Add `b` into `a`. */
export function addTally(a: Tally, b: Tally): void {
  a.gold += b.gold;
  a.found += b.found;
  a.findings += b.findings;
  a.truePositives += b.truePositives;
  a.decoyHits += b.decoyHits;
}

/** found / gold (1 when there is no gold). */
export const recallOf = (t: Tally): number => (t.gold === 0 ? 1 : t.found / t.gold);
/** true positives / findings (1 when nothing fired). */
export const precisionOf = (t: Tally): number => (t.findings === 0 ? 1 : t.truePositives / t.findings);

/**
 * One scoring remark. `unlocated` / `unlocated-decoy` mean the gold quote is not in the parsed text
 * (a labeling or parsing problem, counted as a miss but worth fixing at the label).
 */
export interface ScoreNote {
  concept: string;
  kind: 'missed' | 'unlocated' | 'missed-absence' | 'false-positive' | 'decoy-hit' | 'unlocated-decoy';
  text: string;
}

type Range = { start: number; end: number };

/**
 * Every block holding the quote: a clause printed twice word for word (a rate page repeated in an
 * exhibit) is one label, and a finding on either copy is that label's finding, not a false alarm.
 */
function blocksOf(document: ContractDocument, quote: string): Range[] {
  const needle = normalizeForMatch(quote);
  return document.blocks.filter((b) => normalizeForMatch(document.text.slice(b.start, b.end)).includes(needle));
}

const overlaps = (a: Range, b: Range): boolean => a.start < b.end && b.start < a.end;

/** Concept ids of a gold file's `absent` list (strings or `{concept}` objects). */
export function absentConcepts(gold: GoldFile): string[] {
  return ((gold.absent ?? []) as Array<string | { concept: string }>).map((a) => (typeof a === 'string' ? a : a.concept));
}

/** Score one rendering; adds into `total` and the per-concept tallies and returns the notes. */
export function scoreDocument(document: ContractDocument, findings: readonly Finding[], gold: GoldFile, total: Tally, byConcept: Map<string, Tally>): ScoreNote[] {
  const notes: ScoreNote[] = [];
  const tally = (concept: string): Tally => {
    let t = byConcept.get(concept);
    if (!t) byConcept.set(concept, (t = emptyTally()));
    return t;
  };
  const absent = absentConcepts(gold);
  const flags = (gold.flags ?? []).map((f) => ({ ...f, blocks: blocksOf(document, f.quote) }));
  const decoys = (gold.decoys ?? []).map((d) => ({ ...d, blocks: blocksOf(document, d.quote) }));
  const inAny = (span: Range | null | undefined, blocks: readonly Range[]): boolean => !!span && blocks.some((b) => overlaps(span, b));

  for (const flag of flags) {
    total.gold++;
    tally(flag.concept).gold++;
    const located = flag.blocks.length > 0;
    const hit = located && findings.some((f) => f.concept === flag.concept && inAny(f.span, flag.blocks));
    if (hit) {
      total.found++;
      tally(flag.concept).found++;
    } else notes.push({ concept: flag.concept, kind: located ? 'missed' : 'unlocated', text: flag.quote.slice(0, 90) });
  }
  for (const decoy of decoys) {
    if (decoy.blocks.length === 0) notes.push({ concept: decoy.concept, kind: 'unlocated-decoy', text: decoy.quote.slice(0, 90) });
  }
  for (const concept of absent) {
    total.gold++;
    tally(concept).gold++;
    if (findings.some((f) => f.concept === concept && f.kind === 'absence')) {
      total.found++;
      tally(concept).found++;
    } else notes.push({ concept, kind: 'missed-absence', text: '' });
  }
  for (const finding of findings) {
    total.findings++;
    tally(finding.concept).findings++;
    const span = finding.span;
    const good = finding.kind === 'absence'
      ? absent.includes(finding.concept)
      : flags.some((g) => g.concept === finding.concept && inAny(span, g.blocks));
    if (good) {
      total.truePositives++;
      tally(finding.concept).truePositives++;
      continue;
    }
    const decoy = decoys.some((d) => d.concept === finding.concept && inAny(span, d.blocks));
    if (decoy) {
      total.decoyHits++;
      tally(finding.concept).decoyHits++;
    }
    const where = finding.kind === 'absence' ? 'absence finding' : `"${finding.quote.slice(0, 90)}"`;
    notes.push({ concept: finding.concept, kind: decoy ? 'decoy-hit' : 'false-positive', text: `(${finding.ruleId}): ${where}` });
  }
  return notes;
}

/** One note as a verbose line, in the wording `pnpm eval` always used. */
export function formatNote(note: ScoreNote): string {
  switch (note.kind) {
    case 'missed':
      return `  missed ${note.concept}: "${note.text}"`;
    case 'unlocated':
      return `  quote not found in parsed text (${note.concept}): "${note.text}"`;
    case 'unlocated-decoy':
      return `  decoy quote not found in parsed text (${note.concept}): "${note.text}"`;
    case 'missed-absence':
      return `  missed absence of ${note.concept}`;
    case 'decoy-hit':
      return `  DECOY HIT ${note.concept} ${note.text}`;
    case 'false-positive':
      return `  false positive ${note.concept} ${note.text}`;
  }
}
