/**
 * @redliner/rules: YAML rulesets → validated, compiled rules; `analyze(document, ruleset)` →
 * findings and a per-concept checklist; `rulesTest` and `rulesLint` for rule authors.
 */
export { loadRuleset, buildRuleset, rulesetChain, rulesetSources, vocabularySources, isRuleSource, MANIFEST_FILE } from './load/load-ruleset.ts';
export { VOCABULARY_FILE, VocabularySpec } from './vocabulary/vocabulary.ts';
export { wordForms } from './vocabulary/inflect.ts';
export { vocabularyCatalog } from './vocabulary/vocabulary-catalog.ts';
export type { VocabularyCatalog, VocabularyClassInfo, VocabularyClassOrigin, VocabularyClassSpecText, VocabularyEntryInfo } from './vocabulary/vocabulary-catalog.ts';
export { setVocabularyClass, removeVocabularyClass } from './vocabulary/vocabulary-edit.ts';
export type { VocabularyChange, VocabularyEdit } from './vocabulary/vocabulary-edit.ts';
export { entryForms } from './vocabulary/forms-preview.ts';
export { BUNDLED_RULESETS_DIR, DEFAULT_RULESET_DIR, bundledRulesetDir } from './load/bundled-rulesets.ts';
export type { LoadOptions, LoadResult, RuleSource } from './load/load-ruleset.ts';
export { analyze } from './analysis/analyze.ts';
export { citePage, describePlace } from './analysis/place.ts';
export { RuleTooSlowError, defaultRuleBudgetMs } from './analysis/rule-budget.ts';
export type { AnalyzeOptions } from './analysis/rule-budget.ts';
export { ruleCatalog } from './load/rule-catalog.ts';
export { setRuleDisabled } from './load/manifest-edit.ts';
export type { Catalog, CatalogEntry } from './load/rule-catalog.ts';
export { rulesTest, runExamples } from './authoring/rules-test.ts';
export type { RulesTestReport, ExampleFailure } from './authoring/rules-test.ts';
export { rulesLint } from './authoring/rules-lint.ts';
export type { RulesLintReport } from './authoring/rules-lint.ts';
export { formatRuleError, RULE_ERROR_MEANINGS } from './errors.ts';
export type { RuleError, RuleErrorCode } from './errors.ts';
export { textDocument, DEFAULT_EXAMPLE_PARTIES } from './analysis/example-document.ts';
export type { ExampleParties } from './analysis/example-document.ts';
export { ruleJsonSchemaText } from './load/rule-json-schema.ts';
// The engine's own pattern compiling and placeholder filling, so the rules benchmark's one-pass
// reference scan matches exactly what the engine would.
export { compileSafePattern } from './compile/safe-pattern.ts';
export type { SafeRegex } from './compile/safe-pattern.ts';
export { resolvePatternPlaceholders } from './compile/placeholders.ts';
export { RuleSpec as RuleSpecSchema, Severity as SeveritySchema } from './load/rule-schema.ts';
export type { RuleSpec, Condition, Severity, RuleScope, RuleKind, RedlineSpec } from './load/rule-schema.ts';
export type { Ruleset, CompiledRule, ConceptInfo } from './compiled-types.ts';
export type * from './types.ts';
export { buildReport, summarize, REPORT_VERSION } from './report/analysis-report.ts';
export type { AnalysisReport } from './report/analysis-report.ts';
export { toSarif } from './report/sarif-report.ts';
export { toMarkdownMemo, memoTree } from './report/markdown-memo.ts';
export type { MemoDecision, MemoDecisions } from './report/markdown-memo.ts';
export { loadKeyTerms, buildKeyTerms, TERMS_FOLDER } from './terms/load-terms.ts';
export type { KeyTermsLoadResult } from './terms/load-terms.ts';
export type { KeyTermDefinitions } from './terms/compiled-terms.ts';
export { readKeyTerms } from './terms/key-terms.ts';
export { applyCorrections, correctTerm } from './terms/apply-corrections.ts';
export type { TermCorrections } from './terms/apply-corrections.ts';
export { KEY_TERMS_VERSION } from './terms/key-term-types.ts';
export type { KeyTerm, KeyTermsReport, TermValue, TermCorrection } from './terms/key-term-types.ts';
export { KeyTermsSpec as KeyTermsSpecSchema } from './terms/term-schema.ts';
export type { TermReadKind, TermFieldSpec } from './terms/term-schema.ts';
export { keyTermsCsv } from './terms/key-terms-csv.ts';
