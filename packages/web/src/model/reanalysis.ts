/** What a re-analysis changed, in words: new findings, findings gone, decisions kept or removed. */
import type { Finding, ReanalysisResult, ReviewSummary } from '../types.ts';
import { rulesetLabel } from './rulesets.ts';

/** The headline and the details under it. */
export interface ReanalysisSummary {
  /** "3 new findings, 1 finding no longer applies." */
  headline: string;
  details: string[];
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * Finding ids that came and went. Servers that report `added`/`removed` are trusted; for older
 * ones the old and new finding lists are compared when both are known.
 */
export function findingChanges(result: ReanalysisResult, before?: readonly Pick<Finding, 'id'>[], after?: readonly Pick<Finding, 'id'>[]): { added: string[]; removed: string[] } {
  if (result.added && result.removed) return { added: result.added, removed: result.removed };
  if (!before || !after) return { added: [], removed: result.dropped.filter((d) => d.reason === 'finding-gone').map((d) => d.findingId) };
  const old = new Set(before.map((f) => f.id));
  const now = new Set(after.map((f) => f.id));
  return { added: after.filter((f) => !old.has(f.id)).map((f) => f.id), removed: before.filter((f) => !now.has(f.id)).map((f) => f.id) };
}

/** Summarise a re-analysis of a review that was analysed with `previous` before. */
export function summarizeReanalysis(result: ReanalysisResult, previous: Pick<ReviewSummary, 'ruleset'>, changes: { added: readonly string[]; removed: readonly string[] }): ReanalysisSummary {
  const parts: string[] = [];
  if (changes.added.length) parts.push(count(changes.added.length, 'new finding', 'new findings'));
  if (changes.removed.length) parts.push(`${count(changes.removed.length, 'finding no longer applies', 'findings no longer apply')}`);
  const headline = parts.length ? `${parts.join(', ')}.` : 'No change: the same findings as before.';

  const details: string[] = [];
  const now = result.review.ruleset;
  if (now.id !== previous.ruleset.id || now.version !== previous.ruleset.version) {
    details.push(`Now checked against ${rulesetLabel(now)} (before: ${rulesetLabel(previous.ruleset)}).`);
  } else {
    details.push(`Checked again against ${rulesetLabel(now)}.`);
  }
  if (result.kept.length) details.push(result.kept.length === 1 ? 'Your decision was kept.' : `Your ${result.kept.length} decisions were kept.`);
  const gone = result.dropped.filter((d) => d.reason === 'finding-gone').length;
  const voided = result.dropped.filter((d) => d.reason === 'alternative-gone').length;
  if (gone) details.push(`${count(gone, 'decision was', 'decisions were')} removed because ${gone === 1 ? 'its finding no longer applies' : 'their findings no longer apply'}.`);
  if (voided) details.push(`${count(voided, 'decision was', 'decisions were')} cleared because the fallback wording chosen is no longer offered; decide ${voided === 1 ? 'it' : 'them'} again.`);
  return { headline, details };
}
