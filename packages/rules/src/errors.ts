/**
 * Rule-loading diagnostics. Every problem in a rule file becomes one `RuleError` with a stable
 * code and a 1-based `line:col`, so the CLI, the web rule editor and CI all point at the same
 * character and tools can match on the code rather than the wording.
 */

/** Stable codes for everything that can be wrong with a rule file or an example. */
export type RuleErrorCode =
  | 'RULE_READ_ERROR'
  | 'RULE_YAML_SYNTAX'
  /** YAML that could expand without bound (many aliases) or is nested too deeply to read safely. */
  | 'RULE_YAML_UNSAFE'
  | 'RULE_UNKNOWN_KEY'
  | 'RULE_MISSING_KEY'
  | 'RULE_WRONG_TYPE'
  | 'RULE_BAD_VALUE'
  | 'RULE_BAD_PATTERN'
  | 'RULE_UNSAFE_PATTERN'
  | 'RULE_DUPLICATE_ID'
  | 'RULE_UNKNOWN_PLACEHOLDER'
  | 'RULE_UNKNOWN_CONCEPT'
  | 'RULE_UNKNOWN_BASE'
  | 'RULE_UNKNOWN_DISABLED'
  | 'RULE_EXAMPLE_FAILED'
  | 'RULE_NO_EXAMPLES'
  /** A setting that cannot change what the rule finds (`reach: next-sentence` in a paragraph-scope rule). */
  | 'RULE_NO_EFFECT'
  /** A condition nested deeper, or with more parts, than the engine runs safely. */
  | 'RULE_TOO_COMPLEX'
  /** A rule that ran past its time budget on a document (analysis stops with this, naming the rule). */
  | 'RULE_TOO_SLOW'
  /** The ruleset's `ruleset.yaml` cannot be read: the ruleset is refused, not run with part of its rules. */
  | 'RULESET_MANIFEST_INVALID'
  /** A ruleset that must have a manifest (a user ruleset extending a bundled one) has none. */
  | 'RULESET_MANIFEST_MISSING';

/** One problem, located in a rule file. `line` and `col` are 1-based. */
export interface RuleError {
  code: RuleErrorCode;
  file: string;
  line: number;
  col: number;
  message: string;
  /** The rule id when it could be read, so reports can say which rule is affected. */
  ruleId?: string;
}

/** `file:line:col CODE message`, the one-line form the CLI prints. */
export function formatRuleError(error: RuleError): string {
  return `${error.file}:${error.line}:${error.col} ${error.code} ${error.message}`;
}
