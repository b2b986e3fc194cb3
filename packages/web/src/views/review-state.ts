/** The review screen's state and the actions its parts call back into. */
import type { StatusFilter } from '../model/review.ts';
import type { ClausePreview, Finding, Review, Severity } from '../types.ts';

/** What an open editor edits: the suggestion's words, or the whole clause as it will read. */
export type EditScope = 'words' | 'clause';

/** Which tab of the review screen is showing. */
export type ReviewTab = 'text' | 'checklist' | 'terms';

/** Everything the review screen remembers between re-renders. */
export interface ReviewState {
  review: Review;
  tab: ReviewTab;
  selected: string | null;
  filter: { severities: Set<Severity>; status: StatusFilter };
  /** Chosen option per finding: index into redlineOptions(). */
  option: Map<string, number>;
  /** Findings with an open editor, and what it edits. */
  editing: Map<string, EditScope>;
  /** Each finding's clause as the decisions make it read (refreshed after every decision). */
  previews: Map<string, ClausePreview>;
  busy: string | null;
  errors: Map<string, string>;
  notes: Map<string, string>;
  /** Unsaved wording in the editor, per finding (survives re-renders). */
  drafts: Map<string, string>;
  /** Findings a re-analysis just added, marked "New" until the screen is left. */
  fresh: ReadonlySet<string>;
}

/** What the panel and finding cards need from the screen. */
export interface ReviewActions {
  state: ReviewState;
  /** Findings in panel order (severity, then position). */
  ordered: readonly Finding[];
  titleOf(finding: Finding): string;
  select(findingId: string | null): void;
  decide(finding: Finding, action: 'accept' | 'edit' | 'reject', text?: string, scope?: 'clause'): Promise<boolean>;
  /** Save a new reason with the finding's current decision (nothing when undecided or unchanged). */
  saveReason(finding: Finding, reason: string): Promise<boolean>;
  renderPanel(): void;
}
