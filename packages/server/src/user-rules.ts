/**
 * The user's own rules, kept as plain YAML files under `<dataDir>/rulesets/<name>/` so they can
 * be read, diffed and tested with `redliner rules test` like the bundled ones. A user ruleset
 * extends the bundled ruleset: a rule saved with a bundled rule's id replaces it there, and the
 * bundled file itself is never written.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { BUNDLED_RULESETS_DIR, MANIFEST_FILE, ruleCatalog, type RuleError } from '@redliner/rules';
import type { LocatedError } from './rule-response-schemas.ts';
import { ProblemError, storageProblem } from './problem.ts';
import { storageFailureOf } from './store/storage-failure.ts';
import { rulesetEntries, type RulesetEntry } from './rulesets.ts';

/** The user ruleset the rule editor saves to when editing a bundled rule. */
export const DEFAULT_USER_RULESET = 'user:my-rules';

const USER_NAME = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** Errors as the API returns them: located in the text the client sent. */
export function located(errors: readonly RuleError[]): LocatedError[] {
  return errors.map(({ code, line, col, message, ruleId }) => ({ code, line, col, message, ...(ruleId ? { ruleId } : {}) }));
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
    throw new ProblemError('RULESET_READ_ONLY', `"${id}" is a bundled ruleset and is never changed. Make the change in your own rules ("${DEFAULT_USER_RULESET}") instead: they extend the bundled rules, and a rule saved there replaces the bundled one with the same id.`);
  }
  const name = id.startsWith('user:') ? id.slice('user:'.length) : '';
  if (existing) {
    const manifest = join(existing.dir, MANIFEST_FILE);
    if (!existsSync(manifest)) writeAtomically(manifest, manifestText(name, bundledDir));
    return existing.dir;
  }
  if (!USER_NAME.test(name)) {
    throw new ProblemError('UNKNOWN_RULESET', `There is no ruleset "${id}". Your own rulesets are named like "user:my-rules" (lower-case letters, digits and hyphens).`);
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
    throw writeFailed(id, error, join(dir, MANIFEST_FILE));
  }
  return dir;
}

function manifestText(name: string, bundledDir: string): string {
  const title = name === 'my-rules' ? 'My rules' : name;
  return `# Your own rules. A rule here with the same id as a bundled rule replaces it;\n# the bundled files are never changed.\nname: ${JSON.stringify(title)}\nextends: ${extendsValue(bundledDir)}\n`;
}

/**
 * A failed write as a problem the user can act on, never a bare 500: a full disk or a read-only
 * folder as DISK_FULL / DATA_DIR_READ_ONLY (the codes every save uses), anything else as
 * RULESET_WRITE_FAILED. `file` is in the ruleset's folder, under `<dataDir>/rulesets/`.
 */
export function writeFailed(id: string, error: unknown, file: string): ProblemError {
  const failure = storageFailureOf(error);
  const what = `Nothing was saved to "${id}"; your ruleset is as it was before.`;
  if (failure) return storageProblem(failure, basename(dirname(dirname(dirname(file)))), what);
  const code = (error as NodeJS.ErrnoException).code;
  return new ProblemError('RULESET_WRITE_FAILED', `${what} The file could not be written (${code ?? (error as Error).message}). Check the data folder, then save again.`);
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
    try {
      rmSync(temp, { force: true });
    } catch {
      // A read-only folder never got the temporary file.
    }
    throw writeFailed(`user:${basename(dirname(file))}`, error, file);
  }
}

/** Delete an own rule file (the inherited rule of the same id, if any, runs again). */
export function removeRuleFile(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch (error) {
    throw writeFailed(`user:${basename(dirname(file))}`, error, file);
  }
}

/** The entry of a ruleset id, or undefined. */
export function findRuleset(id: string, bundledDir: string, dataDir: string): RulesetEntry | undefined {
  return rulesetEntries(bundledDir, dataDir).find((e) => e.id === id);
}
