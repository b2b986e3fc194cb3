/** Where the bundled ruleset lives, independent of the current directory. */
import { fileURLToPath } from 'node:url';

/** Absolute path of `rulesets/payer-core` in this checkout. */
export const DEFAULT_RULESET_DIR = fileURLToPath(new URL('../../../rulesets/payer-core', import.meta.url));
