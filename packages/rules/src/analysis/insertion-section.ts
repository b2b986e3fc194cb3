/**
 * The section where a missing clause belongs, chosen from a rule's `sections.prefer` words.
 *
 * The first section in document order whose title held any preferred word used to win, so a
 * prompt-pay clause landed at the end of "Compensation and Claims" after its last subsection
 * ("Overpayments"), and any "Records" heading inside the definitions pulled an audit clause
 * there. A rule author lists the words in order of preference, so that order decides first; a
 * more specific (deeper) section beats its parent; the definitions hold definitions only.
 */
import type { Section } from '@redliner/parser';
import { titleWordsRegex } from '../compile/compile-rule.ts';

const DEFINITIONS = /\bdefin/i;

interface Candidate {
  section: Section;
  rank: number;
  depth: number;
}

/** The best section for `preferred` words (in the author's order), or undefined when no title has one. */
export function insertionSection(sections: readonly Section[], preferred: readonly string[]): Section | undefined {
  const tests = preferred.map((word) => titleWordsRegex([word])!);
  const wantsDefinitions = preferred.some((word) => DEFINITIONS.test(word));
  let best: Candidate | undefined;
  const visit = (list: readonly Section[], depth: number): void => {
    for (const section of list) {
      if (!wantsDefinitions && DEFINITIONS.test(section.title)) continue;
      const rank = tests.findIndex((test) => test.test(section.title));
      if (rank >= 0 && (!best || rank < best.rank || (rank === best.rank && depth > best.depth))) best = { section, rank, depth };
      visit(section.children, depth + 1);
    }
  };
  visit(sections, 0);
  return best?.section;
}
