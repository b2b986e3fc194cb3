/**
 * Where the rulesets shipped with Redliner live. One place for the CLI, the server and
 * `extends:` in a user ruleset's manifest, found relative to this file so the working
 * directory never matters.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the bundled ruleset folders (the repository's `rulesets/`). */
export const BUNDLED_RULESETS_DIR = fileURLToPath(new URL('../../../../rulesets', import.meta.url));

/** The ruleset used when none is named: `rulesets/payer-core`. */
export const DEFAULT_RULESET_DIR = join(BUNDLED_RULESETS_DIR, 'payer-core');

/** The folder of the bundled ruleset called `name`, or undefined when there is none. */
export function bundledRulesetDir(name: string): string | undefined {
  // A plain folder name only: `extends: ../../etc` must not reach outside the bundled folder.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) return undefined;
  const dir = join(BUNDLED_RULESETS_DIR, name);
  return existsSync(dir) && statSync(dir).isDirectory() ? dir : undefined;
}
