/** What `redline` reports back: the file plus, per finding, what was done or why not. */

/** A finding whose decision made it into the file. */
export interface AppliedFinding {
  findingId: string;
  outcome: 'accepted' | 'edited' | 'rejected' | 'undecided';
  /** The tracked change written, if any. */
  change?: 'replace' | 'insert' | 'delete' | 'new-paragraph';
  /** Whether a comment was anchored for it. */
  comment: boolean;
}

/** A change that could not be made safely; the finding got a comment instead. */
export interface SkippedFinding {
  findingId: string;
  reason: string;
}

/** The result of `redline`. */
export interface RedlineResult {
  bytes: Uint8Array;
  applied: AppliedFinding[];
  skipped: SkippedFinding[];
}

/** Author initials for comments ("Redliner" → "R", "Jane Q. Doe" → "JQD"). */
export function initialsOf(author: string): string {
  const letters = author.split(/\s+/).filter(Boolean).map((w) => w[0]!.toUpperCase()).join('');
  return letters.slice(0, 3) || 'R';
}
