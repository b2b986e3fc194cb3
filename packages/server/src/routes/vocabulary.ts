/**
 * The vocabulary in the rule editor: list a ruleset's classes (its own and the ones it
 * inherits), and set or remove a class of a user ruleset. Bundled vocabularies are never
 * written: words are added in the user's own ruleset (`also:`), which is created like it is
 * when a rule is first saved there.
 */
import { basename, dirname, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { removeVocabularyClass, setVocabularyClass, vocabularyCatalog, type RuleError, type VocabularyCatalog, type VocabularyClassInfo, type VocabularyEdit } from '@redliner/rules';
import type { AppContext } from '../context.ts';
import { ProblemError } from '../problem.ts';
import { rulesetStamp } from '../ruleset-stamp.ts';
import { rulesetEntries, resolveRuleset, type RulesetEntry } from '../rulesets.ts';
import { NoContentSchema } from '../response-schemas.ts';
import { VocabularyListSchema, VocabularySavedSchema, type VocabularyClassView, type VocabularyPlace } from '../rule-response-schemas.ts';
import { RulesetParams, VocabularyClassBody, VocabularyClassParams } from '../schemas.ts';
import { DEFAULT_USER_RULESET, findRuleset, userRulesetDir, writeAtomically } from '../user-rules.ts';
import type { ZodTypeProvider } from '../zod-validation.ts';

/** Names the ruleset a file belongs to; a folder the server does not list (an `extends:` path) goes by its name. */
function placeOf(entries: readonly RulesetEntry[], file: string, line: number): VocabularyPlace {
  const dir = resolve(dirname(file));
  const entry = entries.find((e) => resolve(e.dir) === dir);
  return { ruleset: entry?.id ?? basename(dir), source: entry?.source ?? 'bundled', file: basename(file), line };
}

function locatedIn(entries: readonly RulesetEntry[]) {
  return (errors: readonly RuleError[]) => errors.map(({ code, file, line, col, message, ruleId }) => ({ code, ...placeOf(entries, file, line), col, message, ...(ruleId ? { ruleId } : {}) }));
}

function classView(entries: readonly RulesetEntry[], cls: VocabularyClassInfo): VocabularyClassView {
  const { file, line, dir: _dir, base, ...rest } = cls;
  return { ...rest, definedIn: placeOf(entries, file, line), ...(base ? { base: placeOf(entries, base.file, base.line) } : {}) };
}

function readOnly(rulesetId: string): ProblemError {
  return new ProblemError('RULESET_READ_ONLY', `"${rulesetId}" is a bundled ruleset and is never changed. Add words in your own rules ("${DEFAULT_USER_RULESET}") instead: they extend the bundled vocabulary, and words you add to a class there apply to every rule that uses it.`, { title: 'The bundled vocabulary cannot be changed' });
}

/** A 422 for a change the vocabulary cannot take, or for a vocabulary file that must be fixed by hand first. */
function refused(edit: VocabularyEdit, errors: ReturnType<ReturnType<typeof locatedIn>>, className: string): ProblemError {
  if (edit.errors.some((e) => e.code === 'RULE_YAML_SYNTAX' || e.code === 'RULE_WRONG_TYPE')) {
    return new ProblemError('VOCABULARY_FILE_INVALID', `${edit.file} is not a valid vocabulary file (${edit.errors[0]!.message}, line ${edit.errors[0]!.line}). Fix the file by hand, then try again.`, { extra: { errors } });
  }
  const first = edit.errors[0]!.message;
  return new ProblemError('VOCABULARY_INVALID', `The class "${className}" was not saved: ${first}${edit.errors.length > 1 ? ` (and ${edit.errors.length - 1} more)` : ''}.`, { extra: { errors } });
}

/** Register the vocabulary routes. */
export function vocabularyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { rulesetDir: bundledDir, dataDir } = ctx.options;
  // Listing a large vocabulary takes a moment on the main thread; reuse it until a file of the ruleset changes.
  const catalogs = new Map<string, { stamp: string; catalog: VocabularyCatalog }>();
  const catalogOf = (dir: string): VocabularyCatalog => {
    const stamp = rulesetStamp(dir);
    const hit = catalogs.get(dir);
    if (hit && hit.stamp === stamp) return hit.catalog;
    const catalog = vocabularyCatalog(dir);
    catalogs.set(dir, { stamp, catalog });
    return catalog;
  };

  r.get('/api/rulesets/:rulesetId/vocabulary', { schema: { params: RulesetParams, response: { 200: VocabularyListSchema } } }, async (request) => {
    const entry = resolveRuleset(request.params.rulesetId, bundledDir, dataDir);
    const entries = rulesetEntries(bundledDir, dataDir);
    const catalog = catalogOf(entry.dir);
    return { ruleset: entry.id, source: entry.source, classes: catalog.classes.map((c) => classView(entries, c)), errors: locatedIn(entries)(catalog.errors) };
  });

  r.put('/api/rulesets/:rulesetId/vocabulary/:className', { schema: { params: VocabularyClassParams, body: VocabularyClassBody, response: { 200: VocabularySavedSchema } } }, async (request) => {
    const { rulesetId, className } = request.params;
    if (findRuleset(rulesetId, bundledDir, dataDir)?.source === 'bundled') throw readOnly(rulesetId);
    const created = findRuleset(rulesetId, bundledDir, dataDir) === undefined;
    const dir = userRulesetDir(rulesetId, bundledDir, dataDir);
    const edit = setVocabularyClass(dir, className, request.body);
    const entries = rulesetEntries(bundledDir, dataDir);
    const locate = locatedIn(entries);
    if (edit.errors.length) throw refused(edit, locate(edit.errors), className);
    // The analysis worker notices the new file stamp and reloads the ruleset before the next review.
    if (edit.changed) writeAtomically(edit.file, edit.text);
    const cls = catalogOf(dir).classes.find((c) => c.name === className);
    return { ruleset: rulesetId, created, changed: edit.changed, class: cls ? classView(entries, cls) : undefined, warnings: locate(edit.warnings) };
  });

  r.delete('/api/rulesets/:rulesetId/vocabulary/:className', { schema: { params: VocabularyClassParams, response: { 204: NoContentSchema } } }, async (request, reply) => {
    const { rulesetId, className } = request.params;
    const entry = resolveRuleset(rulesetId, bundledDir, dataDir);
    if (entry.source === 'bundled') throw readOnly(rulesetId);
    const edit = removeVocabularyClass(entry.dir, className);
    if (!edit) {
      throw new ProblemError('VOCABULARY_CLASS_NOT_FOUND', `"${rulesetId}" has no vocabulary class "${className}" of its own. Classes that come from the bundled rules cannot be removed; list the classes with GET /api/rulesets/${encodeURIComponent(rulesetId)}/vocabulary.`);
    }
    if (edit.errors.length) {
      const errors = locatedIn(rulesetEntries(bundledDir, dataDir))(edit.errors);
      throw new ProblemError('VOCABULARY_CLASS_IN_USE', `The class "${className}" was not removed: ${edit.errors.map((e) => e.message).join('; ')}.`, { extra: { errors } });
    }
    writeAtomically(edit.file, edit.text);
    return reply.code(204).send();
  });
}
