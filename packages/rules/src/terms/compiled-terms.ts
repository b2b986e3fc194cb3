/** The compiled form of key-term definitions, ready to read contracts with. */
import type { ConditionNode, Ruleset } from '../compiled-types.ts';
import type { RuleScope } from '../load/rule-schema.ts';
import type { SafeRegex } from '../compile/safe-pattern.ts';
import type { TermReadKind } from './term-schema.ts';

/** One field ready to run. */
export interface CompiledTerm {
  id: string;
  title: string;
  help?: string;
  read: TermReadKind;
  scope: RuleScope;
  /** duration: wording that sets no limit counts as a value. */
  unlimited: boolean;
  /** Where the term is stated; absent only for `read: parties`. */
  match?: ConditionNode;
  unless: ConditionNode[];
  yes?: ConditionNode;
  /** The words the value should be nearest to. */
  near?: ConditionNode;
  /** `read: list`: the items to look for, in the order written. */
  items?: Array<{ name: string; match: ConditionNode }>;
  /** `read: text`: the pattern whose `value` group is the value. */
  value?: SafeRegex;
  sectionOnly?: RegExp;
  sectionPrefer?: RegExp;
  /** Where the field is defined, for messages. */
  file: string;
  line: number;
}

/** Every field of a ruleset's key terms, over one shared pattern table. */
export interface KeyTermDefinitions {
  /** The ruleset the definitions belong to. */
  ruleset: string;
  /** The `version:` of each definitions file, joined ("1", or "1+2" for a ruleset that adds fields). */
  version: string;
  fields: CompiledTerm[];
  /** The patterns of every field, in the shape the rules engine reads them (no rules). */
  patterns: Ruleset;
}
