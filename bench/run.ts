/**
 * `pnpm bench`: performance targets as ratios against a reference measured in the same run.
 * Not a test: it prints results and exits non-zero only when asked to enforce (`--strict`).
 */
import { benchParser } from './parse-vs-pdftotext.ts';
import { benchRules } from './rules-vs-combined-scan.ts';

const strict = process.argv.includes('--strict');
const results = [benchParser(), await benchRules()];
const allMet = results.every(Boolean);
console.log(allMet ? '\nAll benchmark targets met.' : '\nSome benchmark targets were missed (see above).');
if (strict && !allMet) process.exitCode = 1;
