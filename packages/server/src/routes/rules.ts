/** Rulesets and the rule editor: list rulesets, validate rule YAML, try a rule on pasted text. */
import type { FastifyInstance } from 'fastify';
import { formatRuleError, vocabularySources } from '@redliner/rules';
import type { AppContext } from '../context.ts';
import { ProblemError } from '../problem.ts';
import { loadOptionsOf, publicRuleErrors, resolveRuleset, rulesetEntries } from '../rulesets.ts';
import { RulesetListSchema } from '../response-schemas.ts';
import { RuleTrySchema, RuleValidationSchema } from '../rule-response-schemas.ts';
import { TryBody, ValidateBody } from '../schemas.ts';
import { located } from '../user-rules.ts';
import type { ZodTypeProvider } from '../zod-validation.ts';

/** Register ruleset and rule-editor routes. */
export function ruleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/rulesets', { schema: { response: { 200: RulesetListSchema } } }, async () => {
    const entries = rulesetEntries(ctx.options.rulesetDir, ctx.options.dataDir);
    const rulesets = await Promise.all(
      entries.map(async (entry) => {
        const info = await ctx.analysis.describe(entry.dir, loadOptionsOf(entry));
        return { id: entry.id, source: entry.source, name: info.name, ...(info.version ? { version: info.version } : {}), rules: info.rules, concepts: info.concepts, errors: publicRuleErrors(info.errors).map(formatRuleError) };
      }),
    );
    return { rulesets };
  });

  r.post('/api/rules/validate', { schema: { body: ValidateBody, response: { 200: RuleValidationSchema } } }, async (request) => {
    const { yaml, file = 'rule.yaml', ruleset } = request.body;
    // Checking the concept against a ruleset needs its concept list, which loads off the main thread.
    const entry = ruleset ? resolveRuleset(ruleset, ctx.options.rulesetDir, ctx.options.dataDir) : undefined;
    const dir = entry?.dir ?? ctx.options.rulesetDir;
    const concepts = entry ? (await ctx.analysis.describe(dir, loadOptionsOf(entry))).concepts : undefined;
    // Off the main thread: a large rule takes seconds to compile, and every other request would wait.
    const { rule, errors, examples } = await ctx.ruleChecks.check({ yaml, file, vocabulary: vocabularySources(dir), ...(concepts ? { concepts } : {}) });
    return { valid: errors.length === 0 && rule !== undefined, errors: located(errors), examples, ...(rule ? { rule } : {}) };
  });

  r.post('/api/rules/try', { schema: { body: TryBody, response: { 200: RuleTrySchema } } }, async (request) => {
    const { yaml, text, file = 'rule.yaml', parties, ruleset } = request.body;
    const dir = ruleset ? resolveRuleset(ruleset, ctx.options.rulesetDir, ctx.options.dataDir).dir : ctx.options.rulesetDir;
    const outcome = await ctx.analysis.tryRule({ file, yaml, text, vocabulary: vocabularySources(dir), ...(parties ? { parties } : {}) });
    if (!outcome.ok) {
      throw new ProblemError('RULE_INVALID', `Fix the rule before trying it: ${outcome.errors.slice(0, 3).map((e) => `line ${e.line}:${e.col} ${e.code} ${e.message}`).join('; ')}.`, { title: 'The rule does not compile', extra: { errors: located(outcome.errors) } });
    }
    return { findings: outcome.result.findings, checklist: outcome.result.checklist, errors: located(outcome.errors) };
  });
}
