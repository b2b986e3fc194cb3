/** Delete and re-analyse a review, each behind a confirmation; shared by the reviews list and the review screen. */
import { ApiError, deleteReview, listRulesets, reanalyzeReview } from '../api.ts';
import { confirmDialog } from '../dom/dialog.ts';
import { h } from '../dom/h.ts';
import { findingChanges, summarizeReanalysis, type ReanalysisSummary } from '../model/reanalysis.ts';
import { initialRuleset, offersChoice, rememberRuleset, rememberedRuleset, rulesetLabel } from '../model/rulesets.ts';
import type { Finding, ReanalysisResult, ReviewSummary, RulesetInfo } from '../types.ts';
import { rulesetChoice, storage, type RulesetChoice } from './ruleset-choice.ts';

/** Ask, then delete. Resolves true once the review is gone. */
export function deleteWithConfirmation(review: Pick<ReviewSummary, 'id' | 'name' | 'decided'>): Promise<boolean> {
  const decisions = review.decided === 0 ? 'its findings' : `its findings and your ${review.decided === 1 ? 'decision' : `${review.decided} decisions`}`;
  return confirmDialog({
    title: `Delete the review of “${review.name}”?`,
    body: [
      h('p', {}, `This removes the review and ${decisions} from Redliner. It cannot be undone.`),
      h('p', { class: 'muted' }, 'The contract file on your computer, and any Word file or memo you downloaded, are not affected.'),
    ],
    confirmLabel: 'Delete review',
    busyLabel: 'Deleting…',
    danger: true,
    action: async () => {
      try {
        await deleteReview(review.id);
      } catch (error) {
        // Already deleted (another tab): the outcome the reader asked for.
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      }
    },
  });
}

/** A finished re-analysis: the server's answer and what it means for the reader. */
export interface Reanalysed {
  result: ReanalysisResult;
  changes: { added: string[]; removed: string[] };
  summary: ReanalysisSummary;
}

/**
 * Ask (offering a choice of rules when there is more than one), then re-analyse. `before` is
 * the review's current findings when the caller has them. Resolves null when cancelled.
 */
export async function reanalyseWithConfirmation(review: ReviewSummary, before?: readonly Finding[]): Promise<Reanalysed | null> {
  // Without the list the server still re-runs the review's own rules, so a failure here is not fatal.
  const rulesets: RulesetInfo[] = await listRulesets().catch(() => []);
  const stillThere = rulesets.length === 0 || rulesets.some((r) => r.id === review.ruleset.id);
  let choice: RulesetChoice | undefined;
  let fallback: RulesetInfo | undefined;
  const body: HTMLElement[] = [
    h('p', {}, `Redliner checks “${review.name}” again, for example after the rules were changed.`),
    h('p', {}, 'Your decisions on findings that are still found are kept. A decision on a finding that no longer applies is removed.'),
  ];
  if (offersChoice(rulesets)) {
    choice = rulesetChoice(rulesets, stillThere ? review.ruleset.id : initialRuleset(rulesets, rememberedRuleset(storage())), `Last analysed with ${rulesetLabel(review.ruleset)}.`);
    body.push(choice.element);
  } else if (!stillThere) {
    fallback = rulesets[0];
  }
  if (!stillThere) body.push(h('p', { class: 'note' }, `The rules this review used (${rulesetLabel(review.ruleset)}) are no longer available.${fallback ? ` It will be checked against ${rulesetLabel(fallback)}.` : ''}`));

  let result: ReanalysisResult | undefined;
  const confirmed = await confirmDialog({
    title: `Re-analyse “${review.name}”?`,
    body,
    confirmLabel: 'Re-analyse',
    busyLabel: 'Re-analysing…',
    action: async () => {
      const ruleset = choice?.value() ?? fallback?.id;
      if (choice) rememberRuleset(storage(), choice.value());
      result = await reanalyzeReview(review.id, ruleset);
    },
  });
  if (!confirmed || !result) return null;
  const changes = findingChanges(result, before);
  return { result, changes, summary: summarizeReanalysis(result, review, changes) };
}
