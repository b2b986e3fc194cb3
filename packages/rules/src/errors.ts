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

/**
 * What each rule error code means, for docs/errors.md and the rule editor's help. A `Record`
 * so that adding a code without describing it fails the build.
 */
export const RULE_ERROR_MEANINGS: Readonly<Record<RuleErrorCode, string>> = {
  RULE_READ_ERROR: 'The rule file could not be read from disk (missing, or no permission).',
  RULE_YAML_SYNTAX: 'The file is not valid YAML: the position points at the first character the reader could not understand (often indentation or an unclosed quote).',
  RULE_YAML_UNSAFE: 'The YAML uses many aliases (`*name`) or is nested too deeply to read safely. Write the text out instead of aliasing it.',
  RULE_UNKNOWN_KEY: 'A key the rule format does not have (often a misspelling; the message suggests the closest key when one is near).',
  RULE_MISSING_KEY: 'A key every rule needs (such as `id`, `concept` or `match`) is missing.',
  RULE_WRONG_TYPE: 'A value has the wrong shape (a list where text is expected, or the reverse).',
  RULE_BAD_VALUE: 'A value is not one of the allowed ones (a severity other than high, medium or low, say).',
  RULE_BAD_PATTERN: 'A `pattern` is not a valid regular expression (RE2 syntax).',
  RULE_UNSAFE_PATTERN: 'A pattern could take very long on some text (nested repeats, huge alternations) and is refused.',
  RULE_DUPLICATE_ID: 'Two rules in the ruleset have the same id.',
  RULE_UNKNOWN_PLACEHOLDER: 'A `{name}` in a phrase or pattern is neither a vocabulary class nor a party term.',
  RULE_UNKNOWN_CONCEPT: 'The rule names a concept the ruleset does not list.',
  RULE_UNKNOWN_BASE: 'The ruleset extends a ruleset that does not exist.',
  RULE_UNKNOWN_DISABLED: 'The manifest disables a rule id the base ruleset does not have.',
  RULE_EXAMPLE_FAILED: 'One of the rule\'s own examples does not behave as written (a `flag` example not flagged, a `pass` example flagged, or a pinned quote not matched).',
  RULE_NO_EXAMPLES: 'A warning from `rules lint`: the rule has no `flag` or no `pass` examples, so `rules test` cannot check it.',
  RULE_NO_EFFECT: 'A warning from `rules lint`: a setting that cannot change what the rule finds (such as `reach: next-sentence` in a rule whose scope is a paragraph).',
  RULE_TOO_COMPLEX: 'A condition is nested deeper, or has more parts, than the engine runs safely.',
  RULE_TOO_SLOW: 'The rule ran past its time budget on a document; analysis stops and names the rule.',
  RULESET_MANIFEST_INVALID: 'The ruleset\'s `ruleset.yaml` cannot be read; the ruleset is refused rather than run with part of its rules.',
  RULESET_MANIFEST_MISSING: 'A ruleset that must have a `ruleset.yaml` (a user ruleset extending a bundled one) has none.',
};
