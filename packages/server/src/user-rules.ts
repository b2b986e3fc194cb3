/**
 * The user's own rules, kept as plain YAML files under `<dataDir>/rulesets/<name>/` so they can
 * be read, diffed and tested with `redliner rules test` like the bundled ones. A user ruleset
 * extends the bundled ruleset: a rule saved with a bundled rule's id replaces it there, and the
 * bundled file itself is never written.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { BUNDLED_RULESETS_DIR, buildRuleset, MANIFEST_FILE, ruleCatalog, runExamples, type RuleError, type RuleSource } from '@redliner/rules';
import { ProblemError } from './problem.ts';
import { rulesetEntries, type RulesetEntry } from './rulesets.ts';

/** The user ruleset the rule editor saves to when editing a bundled rule. */
export const DEFAULT_USER_RULESET = 'user:my-rules';

const USER_NAME = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** A rule error without the server's file path, which means nothing to the browser. */
export interface LocatedError {
  code: string;
  line: number;
  col: number;
  message: string;
  ruleId?: string;
}

/** Errors as the API returns them: located in the text the client sent. */
export function located(errors: readonly RuleError[]): LocatedError[] {
  return errors.map(({ code, line, col, message, ruleId }) => ({ code, line, col, message, ...(ruleId ? { ruleId } : {}) }));
}

/**
 * Compile one rule and run its examples, all in memory, with the vocabulary of the ruleset it belongs to. Returns the compiled rule's summary
 * (when it compiled), every located error, and how many examples ran.
 */
export function checkRule(yaml: string, file: string, concepts: readonly string[] | undefined, vocabulary: readonly RuleSource[] = []) {
  const sources = [...vocabulary, { file, text: yaml }];
  const built = buildRuleset(sources, concepts && concepts.length ? { concepts } : {});
  const rule = built.rules[0];
  const examples = rule ? runExamples(built.ruleset, sources) : { examples: 0, failures: [] };
  const errors = [...built.errors, ...examples.failures];
  return { rule, errors, examples: { total: examples.examples, failed: examples.failures.length } };
}

/** `extends:` for a user ruleset built on `bundledDir`: its name when it is a bundled ruleset, else its path. */
function extendsValue(bundledDir: string): string {
  const rel = relative(BUNDLED_RULESETS_DIR, bundledDir);
  return rel === basename(bundledDir) ? rel : JSON.stringify(bundledDir);
}

/**
 * The folder of a user ruleset to save into, created (with a manifest extending the bundled
 * ruleset) when it does not exist yet. Bundled rulesets are refused.
 *
 * The folder and its manifest appear together: they are made under a hidden name (never listed
 * as a ruleset) and renamed into place, so a failed first save (a full disk) leaves no folder
 * without a manifest, which would later run the user's rules without the bundled ones. A folder
 * left that way by an older version gets its manifest back on the next save.
 */
export function userRulesetDir(id: string, bundledDir: string, dataDir: string): string {
  const existing = findRuleset(id, bundledDir, dataDir);
  if (existing?.source === 'bundled') {
    throw new ProblemError(403, 'RULESET_READ_ONLY', 'Bundled rules cannot be changed', `"${id}" is a bundled ruleset and is never changed. Make the change in your own rules ("${DEFAULT_USER_RULESET}") instead: they extend the bundled rules, and a rule saved there replaces the bundled one with the same id.`);
  }
  const name = id.startsWith('user:') ? id.slice('user:'.length) : '';
  if (existing) {
    const manifest = join(existing.dir, MANIFEST_FILE);
    if (!existsSync(manifest)) writeAtomically(manifest, manifestText(name, bundledDir));
    return existing.dir;
  }
  if (!USER_NAME.test(name)) {
    throw new ProblemError(400, 'UNKNOWN_RULESET', 'Unknown ruleset', `There is no ruleset "${id}". Your own rulesets are named like "user:my-rules" (lower-case letters, digits and hyphens).`);
  }
  const root = join(dataDir, 'rulesets');
  const dir = join(root, name);
  let staging: string | undefined;
  try {
    mkdirSync(root, { recursive: true });
    staging = mkdtempSync(join(root, `.${name}-`));
    writeFileSync(join(staging, MANIFEST_FILE), manifestText(name, bundledDir), 'utf8');
    renameSync(staging, dir);
  } catch (error) {
    if (staging) rmSync(staging, { recursive: true, force: true });
    // Another request may have created it meanwhile; then it is complete and ready.
    if (existsSync(join(dir, MANIFEST_FILE))) return dir;
    throw writeFailed(id, error);
  }
  return dir;
}

function manifestText(name: string, bundledDir: string): string {
  const title = name === 'my-rules' ? 'My rules' : name;
  return `# Your own rules. A rule here with the same id as a bundled rule replaces it;\n# the bundled files are never changed.\nname: ${JSON.stringify(title)}\nextends: ${extendsValue(bundledDir)}\n`;
}

/** A failed write as a problem the user can act on (a full disk, a read-only folder), never a bare 500. */
export function writeFailed(id: string, error: unknown): ProblemError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'the data folder cannot be written to' : `the file could not be written (${code ?? (error as Error).message})`;
  return new ProblemError(507, 'RULESET_WRITE_FAILED', 'The rule could not be saved', `Nothing was saved to "${id}": ${why}. Free some space or check the data folder's permissions, then save again; your ruleset is as it was before.`);
}

/** The own rule file of `ruleId` in a user ruleset, or undefined when it has none. */
export function ownRuleFile(dir: string, ruleId: string): string | undefined {
  return ruleCatalog(dir).rules.find((e) => !e.inherited && e.id === ruleId)?.file;
}

/** Write through a temporary file and a rename, so a crash never leaves half a rule; a failed write leaves no temporary file behind. */
export function writeAtomically(file: string, text: string): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw writeFailed(`user:${basename(dirname(file))}`, error);
  }
}

/** Delete an own rule file (the inherited rule of the same id, if any, runs again). */
export function removeRuleFile(file: string): void {
  rmSync(file, { force: true });
}

/** The entry of a ruleset id, or undefined. */
export function findRuleset(id: string, bundledDir: string, dataDir: string): RulesetEntry | undefined {
  return rulesetEntries(bundledDir, dataDir).find((e) => e.id === id);
}
