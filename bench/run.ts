/**
 * `pnpm bench`: performance targets, as ratios against a reference measured in the same run
 * where there is one. Not a test: it prints results and exits non-zero only with `--strict`.
 * `pnpm bench cli parser rules redline server render ocr export portfolio` runs only the named parts.
 */
import { benchCliStartup } from './cli-startup.ts';
import { benchExportLatency } from './export-latency.ts';
import { benchOcr } from './ocr-pages.ts';
import { benchPortfolio } from './portfolio-bench.ts';
import { benchParser } from './parse-vs-pdftotext.ts';
import { benchRedline } from './redline-bench.ts';
import { benchRules } from './rules-vs-combined-scan.ts';
import { benchServerLoad } from './server-load.ts';
import { benchUploadToRender } from './upload-to-render.ts';

const parts: Record<string, () => boolean | Promise<boolean>> = {
  cli: benchCliStartup,
  parser: benchParser,
  rules: benchRules,
  redline: benchRedline,
  server: benchServerLoad,
  render: benchUploadToRender,
  ocr: benchOcr,
  export: benchExportLatency,
  portfolio: benchPortfolio,
};

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = args.filter((a) => !(a in parts));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(parts).join(', ')}`);
  process.exit(2);
}
const strict = process.argv.includes('--strict');
const results: boolean[] = [];
for (const name of args.length > 0 ? args : Object.keys(parts)) results.push(await parts[name]!());
const allMet = results.every(Boolean);
console.log(allMet ? '\nAll benchmark targets met.' : '\nSome benchmark targets were missed (see above).');
if (strict && !allMet) process.exitCode = 1;
