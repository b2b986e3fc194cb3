/**
 * Rule-loading diagnostics. Every problem in a rule file becomes one `RuleError` with a stable
 * code and a 1-based `line:col`, so the CLI, the web rule editor and CI all point at the same
 * character and tools can match on the code rather than the wording.
 */

/** Stable codes for everything that can be wrong with a rule file or an example. */
export type RuleErrorCode =
  | 'RULE_READ_ERROR'
  | 'RULE_YAML_SYNTAX'
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
  | 'RULE_NO_EXAMPLES';

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
