/**
 * What `analyze` returns: findings (DESIGN.md "Finding") and a per-concept checklist. Plain
 * data, safe to serialise into the JSON report as is.
 */
import type { RuleKind, RuleScope, Severity } from './load/rule-schema.ts';

/** A half-open range of `ContractDocument.text`. */
export interface Span {
  start: number;
  end: number;
}

/** Where a finding sits, in the reader's words (from the parser's `locate`). */
export interface FindingLocation {
  section?: string;
  label?: string;
  /** The PDF's page (1 = its first page). */
  page?: number;
  /** The page's number as printed on it ("12", "iii"), when that differs from `page`. */
  printedPage?: string;
}

/** A suggested change, with this contract's party names already filled in. */
export interface Redline {
  op: 'replace' | 'insert' | 'delete';
  /** What to replace or delete (replace, delete). */
  span?: Span;
  /** Where to insert (insert). */
  insertAt?: number;
  /** The preferred language (empty for delete). */
  text: string;
  /** Fallback positions, most protective first, for when the payer rejects the preferred text. */
  alternatives: string[];
  /** A note for the negotiator, not contract text. */
  note?: string;
  /** The comment the payer reads beside this change (payer copy); party terms filled in. */
  payerComment?: string;
  /** Insert as a paragraph of its own (section or document end) rather than inside the clause. */
  newParagraph?: boolean;
}

/** One risk found in the contract. */
export interface Finding {
  /** Stable for a given document and ruleset: `ruleId@start` (`ruleId@absent` for absence). */
  id: string;
  ruleId: string;
  concept: string;
  severity: Severity;
  kind: RuleKind;
  message: string;
  /** Markdown. */
  explanation: string;
  /** Null only for document-level absence findings, which carry `insertAt` instead. */
  span: Span | null;
  quote: string;
  location: FindingLocation;
  /** Absence findings: where the missing language belongs. */
  insertAt?: number;
  /** Absence findings: the closest language the contract has, and why it does not count. */
  nearMiss?: NearMiss;
  redline?: Redline;
  references: Array<{ title: string; url?: string }>;
}

/** One part of what a rule looks for, as found in (or missing from) a clause. */
export interface NearMissPart {
  /** The rule author's words for the part (`describe:`), or for a missing part without them, the rule's title. */
  what?: string;
  /** Found: the contract's words that satisfy it. Missing: the words that disqualify the clause (a `not` part), if any. */
  words: string[];
}

/** The clause that comes closest to what an absence rule looks for, and what it lacks. */
export interface NearMiss {
  span: Span;
  quote: string;
  location: FindingLocation;
  found: NearMissPart[];
  missing: NearMissPart[];
  /** One plain paragraph for readers: "Closest language: … Found: … Missing: …" */
  summary: string;
}

/** Evidence that a concept's language is present and acceptable. */
export interface Evidence {
  ruleId: string;
  span: Span;
  quote: string;
  location: FindingLocation;
}

/** Where one rule looked, for a concept with nothing found. */
export interface SearchedRule {
  ruleId: string;
  /** The units the rule reads; `document` when it reads the contract as a whole. */
  unit: 'clauses' | 'sentences' | 'paragraphs' | 'sections' | 'document';
  /** How many units were read (absent for `document`). */
  count?: number;
  /** Only sections with these title words were read. */
  sectionsOnly?: string[];
  /** False when the rule's precondition language is absent, so it did not look further. */
  applies: boolean;
}

/** A clause that relates to a concept no rule detected: a place counsel should read. */
export interface RelatedClause {
  /** The clause's block (paragraph) in `ContractDocument.text`. */
  span: Span;
  /** A short excerpt, around the related words when there are some. */
  quote: string;
  location: FindingLocation;
  /** What relates it, in plain words: "heading: Term and Termination; mentions: “terminate”, “notice”". */
  why: string;
}

/** One line of the per-concept checklist. */
export type ChecklistEntry =
  /** `satisfied`: as for acceptable, when an absence rule of the concept also found its language. */
  | { concept: string; title?: string; status: 'risky'; findingIds: string[]; satisfied?: Evidence[] }
  /**
   * `evidence` is the first acceptable language found; `satisfied` lists every clause that
   * satisfied an absence rule of the concept (evidence included), so a reader sees why the
   * concept counts as covered and can judge each protection.
   */
  | { concept: string; title?: string; status: 'acceptable'; evidence: Evidence; satisfied?: Evidence[] }
  /**
   * No rule fired and nothing acceptable was found, but these clauses relate to the concept
   * (best first): the rules may have missed its wording. `searched`/`searchedIn` as for not-found.
   */
  | { concept: string; title?: string; status: 'review'; related: RelatedClause[]; searched: string; searchedIn: SearchedRule[] }
  /** Nothing in the contract relates to the concept. `searched` is one line for text reports; `searchedIn` the same as data. */
  | { concept: string; title?: string; status: 'not-found'; searched: string; searchedIn: SearchedRule[] }
  | { concept: string; title?: string; status: 'not-covered' };

/** The per-concept checklist, in the ruleset's concept order. */
export type Checklist = ChecklistEntry[];

/** The result of `analyze`. */
export interface AnalysisResult {
  findings: Finding[];
  checklist: Checklist;
}

export type { RuleKind, RuleScope, Severity };
