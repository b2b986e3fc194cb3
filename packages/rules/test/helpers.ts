/** Paths shared by the rules tests (they must not depend on /work/shared). */
import { fileURLToPath } from 'node:url';

/** A fixture folder under test/fixtures. */
export const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
/** The bundled payer-core ruleset. */
export const PAYER_CORE = fileURLToPath(new URL('../../../rulesets/payer-core', import.meta.url));
