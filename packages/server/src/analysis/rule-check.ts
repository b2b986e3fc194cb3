/**
 * Checking one rule from the editor: compile it with the vocabulary of its ruleset and run its
 * examples, all in memory. Runs in a worker thread (see rule-check-pool.ts): a large rule takes
 * seconds to compile, and on the main thread every other request waited for it.
 */
import type * as z from 'zod';
import { buildRuleset, runExamples, type RuleError, type RuleSource } from '@redliner/rules';
import type { ExamplesRunSchema, RuleSummarySchema } from '../rule-response-schemas.ts';

/** The compiled rule as the editor shows it. */
export type RuleSummary = z.output<typeof RuleSummarySchema>;

/** What checking a rule found: its summary when it compiled, every located error, and how its examples ran. */
export interface RuleCheck {
  rule?: RuleSummary;
  errors: RuleError[];
  examples: z.output<typeof ExamplesRunSchema>;
}

/** What to check: the rule's text and file name, the concepts it may use, and its ruleset's vocabulary. */
export interface RuleCheckTask {
  yaml: string;
  file: string;
  concepts?: readonly string[];
  vocabulary?: readonly RuleSource[];
}

/** Compile one rule and run its examples (pure: no files read or written). */
export function checkRule(task: RuleCheckTask): RuleCheck {
  const sources = [...(task.vocabulary ?? []), { file: task.file, text: task.yaml }];
  const built = buildRuleset(sources, task.concepts && task.concepts.length ? { concepts: task.concepts } : {});
  const rule = built.rules[0];
  const examples = rule ? runExamples(built.ruleset, sources) : { examples: 0, failures: [] };
  return {
    ...(rule ? { rule: { id: rule.id, title: rule.title, concept: rule.concept, severity: rule.severity, kind: rule.kind, scope: rule.scope } } : {}),
    errors: [...built.errors, ...examples.failures],
    examples: { total: examples.examples, failed: examples.failures.length },
  };
}
