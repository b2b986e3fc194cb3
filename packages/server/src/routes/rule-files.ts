/**
 * The rule editor's files: list the rules of a ruleset, read one rule's YAML, save a rule to a
 * user ruleset (never to a bundled one), and delete a user rule.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { MANIFEST_FILE, ruleCatalog, setRuleDisabled, vocabularySources } from '@redliner/rules';
import type { AppContext } from '../context.ts';
import { ProblemError } from '../problem.ts';
import { resolveRuleset } from '../rulesets.ts';
import { NoContentSchema } from '../response-schemas.ts';
import { RuleFileSchema, RuleListSchema, RuleSwitchSchema, SavedRuleSchema } from '../rule-response-schemas.ts';
import { RuleParams, RulesetParams, SaveRuleBody } from '../schemas.ts';
import { findRuleset, located, ownRuleFile, removeRuleFile, userRulesetDir, writeAtomically } from '../user-rules.ts';
import type { ZodTypeProvider } from '../zod-validation.ts';

function ruleNotFound(rulesetId: string, ruleId: string): ProblemError {
  return new ProblemError('RULE_NOT_FOUND', `Ruleset "${rulesetId}" has no rule "${ruleId}". List its rules with GET /api/rulesets/${encodeURIComponent(rulesetId)}/rules.`);
}

/** Register the rule-file routes. */
export function ruleFileRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { rulesetDir: bundledDir, dataDir } = ctx.options;

  r.get('/api/rulesets/:rulesetId/rules', { schema: { params: RulesetParams, response: { 200: RuleListSchema } } }, async (request) => {
    const entry = resolveRuleset(request.params.rulesetId, bundledDir, dataDir);
    const catalog = ruleCatalog(entry.dir);
    const rules = catalog.rules
      .filter((e) => !e.replaced)
      .map(({ file, inherited, replacesInherited, replaced: _replaced, ...rest }) => ({
        ...rest,
        file: basename(file),
        origin: entry.source === 'user' && !inherited ? ('user' as const) : ('bundled' as const),
        replacesBundled: replacesInherited,
      }));
    return { ruleset: entry.id, source: entry.source, concepts: catalog.concepts, rules };
  });

  r.get('/api/rulesets/:rulesetId/rules/:ruleId', { schema: { params: RuleParams, response: { 200: RuleFileSchema } } }, async (request) => {
    const { rulesetId, ruleId } = request.params;
    const entry = resolveRuleset(rulesetId, bundledDir, dataDir);
    const found = ruleCatalog(entry.dir).rules.find((e) => e.id === ruleId && !e.replaced);
    if (!found) throw ruleNotFound(rulesetId, ruleId);
    const own = entry.source === 'user' && !found.inherited;
    return { ruleset: entry.id, id: ruleId, file: basename(found.file), origin: own ? ('user' as const) : ('bundled' as const), replacesBundled: found.replacesInherited, disabled: found.disabled, yaml: readFileSync(found.file, 'utf8') };
  });

  r.put('/api/rulesets/:rulesetId/rules/:ruleId', { schema: { params: RuleParams, body: SaveRuleBody, response: { 200: SavedRuleSchema } } }, async (request) => {
    const { rulesetId, ruleId } = request.params;
    const existing = findRuleset(rulesetId, bundledDir, dataDir);
    // Concepts come from the target ruleset, or from the bundled one it is about to extend.
    // Read from the manifests, not by compiling the whole ruleset: that took seconds per save.
    const conceptsDir = existing?.dir ?? bundledDir;
    const concepts = ruleCatalog(conceptsDir).concepts.map((c) => c.id);
    const { rule, errors, examples } = await ctx.ruleChecks.check({ yaml: request.body.yaml, file: `${ruleId}.yaml`, concepts, vocabulary: vocabularySources(conceptsDir) });
    if (rule && rule.id !== ruleId) {
      throw new ProblemError('RULE_ID_MISMATCH', `The rule's id is "${rule.id}" but it is being saved as "${ruleId}". Save it under its own id, or change the id in the rule.`);
    }
    if (!rule || errors.length > 0) {
      const failed = examples.failed ? ` ${examples.failed} of ${examples.total} examples do not behave as declared.` : '';
      throw new ProblemError('RULE_INVALID', `The rule was not saved: fix the ${errors.length === 1 ? 'error' : `${errors.length} errors`} shown at their lines first.${failed}`, { extra: { errors: located(errors) } });
    }
    const dir = userRulesetDir(rulesetId, bundledDir, dataDir);
    const file = ownRuleFile(dir, ruleId) ?? join(dir, `${ruleId}.yaml`);
    writeAtomically(file, request.body.yaml.endsWith('\n') ? request.body.yaml : `${request.body.yaml}\n`);
    const saved = ruleCatalog(dir).rules.find((e) => e.file === file);
    return { ruleset: rulesetId, id: ruleId, file: basename(file), replacesBundled: saved?.replacesInherited ?? false, examples };
  });

  // Turning a rule off (or on again) edits the user ruleset's `disable:` list; rule files stay as they are.
  const setDisabled = (rulesetId: string, ruleId: string, off: boolean) => {
    const dir = userRulesetDir(rulesetId, bundledDir, dataDir);
    const found = ruleCatalog(dir).rules.find((e) => e.id === ruleId && !e.replaced);
    if (!found) throw ruleNotFound(rulesetId, ruleId);
    const manifest = join(dir, MANIFEST_FILE);
    const text = existsSync(manifest) ? readFileSync(manifest, 'utf8') : '';
    let next: string;
    try {
      next = setRuleDisabled(text, ruleId, off);
    } catch (error) {
      throw new ProblemError('RULESET_MANIFEST_INVALID', `${basename(dir)}/${MANIFEST_FILE}: ${(error as Error).message}. Fix the file by hand, then try again.`);
    }
    if (next !== text) writeAtomically(manifest, next);
    return { ruleset: rulesetId, id: ruleId, disabled: off };
  };
  r.put('/api/rulesets/:rulesetId/disabled/:ruleId', { schema: { params: RuleParams, response: { 200: RuleSwitchSchema } } }, async (request) => setDisabled(request.params.rulesetId, request.params.ruleId, true));
  r.delete('/api/rulesets/:rulesetId/disabled/:ruleId', { schema: { params: RuleParams, response: { 200: RuleSwitchSchema } } }, async (request) => setDisabled(request.params.rulesetId, request.params.ruleId, false));

  r.delete('/api/rulesets/:rulesetId/rules/:ruleId', { schema: { params: RuleParams, response: { 204: NoContentSchema } } }, async (request, reply) => {
    const { rulesetId, ruleId } = request.params;
    const entry = resolveRuleset(rulesetId, bundledDir, dataDir);
    if (entry.source === 'bundled') {
      throw new ProblemError('RULESET_READ_ONLY', `"${rulesetId}" is a bundled ruleset and is never changed or deleted. Only rules you saved to your own ruleset can be deleted.`, { title: 'Bundled rules cannot be deleted' });
    }
    const file = ownRuleFile(entry.dir, ruleId);
    if (!file) throw ruleNotFound(rulesetId, ruleId);
    removeRuleFile(file);
    return reply.code(204).send();
  });
}
