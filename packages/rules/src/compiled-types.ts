/**
 * The compiled form of a ruleset: conditions turned into trees over a shared table of
 * deduplicated patterns ("leaves"), so each distinct pattern runs once per document no matter
 * how many rules use it.
 */
import type { NumberKind } from './numbers/extract-numbers.ts';
import type { ActorRole, NotScope, Reach, RuleKind, RuleScope, RuleSpec, Severity } from './load/rule-schema.ts';
import type { PatternSet } from './compile/literal-prefilter.ts';
import type { SafeRegex } from './compile/safe-pattern.ts';

/** Numeric bounds in the engine's units (days for durations). */
export interface NumericBounds {
  lessThan?: number;
  atMost?: number;
  moreThan?: number;
  atLeast?: number;
}

/** A compiled condition. */
export type ConditionNode =
  | { type: 'leaf'; leaf: number }
  /** A leaf that holds only where one of `who` performs it (actors/actor-of.ts). */
  | { type: 'act'; leaf: number; who: ActorRole[] }
  | { type: 'number'; kind: NumberKind; bounds: NumericBounds }
  | { type: 'any'; children: ConditionNode[] }
  /** `numbersOfAct`: number evidence counts only in the conjunct of one of the `act` children's hits. */
  | { type: 'all'; children: ConditionNode[]; within?: number; numbersOfAct?: boolean }
  /** `scope`: the child is read only in the conjunct or clause of an act of the enclosing `all` (match-rule.ts). */
  | { type: 'not'; child: ConditionNode; scope?: NotScope }
  /** The child, read in the unit and the sentence after it (same paragraph). */
  | { type: 'reach'; child: ConditionNode; to: Reach };

/** One distinct regex source used by some rule; placeholders are resolved per contract. */
export interface Leaf {
  source: string;
  hasPlaceholder: boolean;
  /** Compiled once, at load or on first use, when the source has no placeholders (global flag, for exec loops). */
  regex?: SafeRegex;
}

/** A rule ready to run. */
export interface CompiledRule {
  id: string;
  concept: string;
  title: string;
  severity: Severity;
  scope: RuleScope;
  kind: RuleKind;
  /** The file the rule came from and the line of its `id`, for reports. */
  file: string;
  line: number;
  match: ConditionNode;
  when?: ConditionNode;
  unless: ConditionNode[];
  unlessScope: RuleScope;
  acceptable?: ConditionNode;
  /** Section-title tests built from `sections.only` / `sections.prefer` (engine-built, literal words only). */
  sectionOnly?: RegExp;
  sectionPrefer?: RegExp;
  spec: RuleSpec;
}

/** A concept the ruleset promises to cover (from its manifest). */
export interface ConceptInfo {
  id: string;
  title?: string;
}

/** Per-party-terms compiled patterns (patterns with `{payer}`/`{provider}` depend on the contract). */
export interface PartyMatchers {
  /**
   * Each leaf's pattern for these parties, compiled when a paragraph first needs it;
   * `nameInParagraph` says whether the paragraph holds a party name of several words (`namedIn`).
   */
  regexOf(leaf: number, nameInParagraph: boolean): SafeRegex | undefined;
  /** Whether `paragraph` holds one of the parties' names of several words (gaps must read it as one word). */
  namedIn(paragraph: string): boolean;
  /** How many patterns were compiled for these parties alone (not shared with other contracts). */
  ownPatterns(): number;
}

/** A loaded, compiled ruleset. Immutable apart from its private per-party cache. */
export interface Ruleset {
  name: string;
  version?: string;
  /** Concepts declared by the manifest (checklist order); empty when there is no manifest. */
  concepts: ConceptInfo[];
  rules: CompiledRule[];
  leaves: Leaf[];
  /** One-pass prefilter over every leaf (pattern index = leaf index). */
  prefilter: PatternSet | null;
  /** Cache of placeholder leaves compiled for one contract's party terms. */
  partyCache: Map<string, PartyMatchers>;
}
