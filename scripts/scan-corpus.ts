/**
 * For rule authors: run the bundled ruleset over contracts it was NOT tuned on (the real
 * HiLabs payer agreements, less the held-out ones, and the CUAD commercial contracts) and list what fires, to catch
 * rules that memorise the dev set or fire on ordinary language.
 *
 *   pnpm tsx scripts/scan-corpus.ts [--concept ID] [--corpus hilabs|cuad|all] [--quotes]
 *
 * Parsed HiLabs documents are cached in .tmp/ (gitignored) so repeated runs are fast.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from '@redliner/parser';
import type { ContractDocument } from '@redliner/parser';
import { analyze, loadRuleset, textDocument } from '@redliner/rules';
import { corpusFiles, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from '../test/support/shared-corpus.ts';
import { HELD_OUT_LABEL_DIR } from './eval/self-labeled.ts';

const { values } = parseArgs({ options: { concept: { type: 'string' }, corpus: { type: 'string', default: 'all' }, quotes: { type: 'boolean', default: false } } });
if (!SHARED_DIR) {
  console.log(SKIP_MESSAGE);
  process.exit(0);
}
const cacheDir = join(REPO_ROOT, '.tmp', 'corpus-cache');
mkdirSync(cacheDir, { recursive: true });

async function hilabsDocument(file: string): Promise<ContractDocument> {
  const cached = join(cacheDir, `${basename(file)}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as ContractDocument;
  const document = await parseDocument(readFileSync(file), { name: basename(file) });
  writeFileSync(cached, JSON.stringify(document));
  return document;
}

const documents: Array<{ corpus: string; load: () => Promise<ContractDocument>; name: string }> = [];
if (values.corpus === 'all' || values.corpus === 'hilabs') {
  // The held-out agreements are scored only in aggregate by eval; listing what fires on them
  // would let rule work fit them, so they are left out here (named by their label files only).
  const heldOutDir = join(REPO_ROOT, HELD_OUT_LABEL_DIR);
  const heldOut = new Set(existsSync(heldOutDir) ? readdirSync(heldOutDir).map((f) => f.replace(/\.json$/, '.pdf')) : []);
  const files = corpusFiles('payer/hilabs_2025', ['.pdf']).filter((f) => !/Problem_Statement/.test(f));
  if (files.some((f) => heldOut.has(basename(f)))) console.log(`left out ${files.filter((f) => heldOut.has(basename(f))).length} held-out agreements (${HELD_OUT_LABEL_DIR}/)`);
  for (const file of files.filter((f) => !heldOut.has(basename(f)))) {
    documents.push({ corpus: 'hilabs', name: basename(file), load: () => hilabsDocument(file) });
  }
}
if (values.corpus === 'all' || values.corpus === 'cuad') {
  for (const file of corpusFiles('cuad/txt', ['.txt'])) {
    documents.push({ corpus: 'cuad', name: basename(file), load: async () => textDocument(readFileSync(file, 'utf8').replace(/\r/g, ''), { payer: ['Company'], provider: ['Provider', 'Distributor', 'Licensee'] }) });
  }
}

const { ruleset } = loadRuleset(join(REPO_ROOT, 'rulesets', 'payer-core'));
const counts = new Map<string, { hilabs: number; cuad: number }>();
for (const entry of documents) {
  const document = await entry.load();
  const { findings } = analyze(document, ruleset);
  for (const finding of findings) {
    if (values.concept && finding.concept !== values.concept) continue;
    const c = counts.get(finding.concept) ?? { hilabs: 0, cuad: 0 };
    c[entry.corpus as 'hilabs' | 'cuad']++;
    counts.set(finding.concept, c);
    if (values.quotes || values.concept) console.log(`${entry.corpus} ${entry.name.slice(0, 40)} [${finding.ruleId}] ${finding.kind === 'absence' ? '(absent)' : `"${finding.quote.slice(0, 160)}"`}`);
  }
}
console.log('\nconcept | hilabs findings | cuad findings');
for (const [concept, c] of [...counts].sort()) console.log(`${concept} | ${c.hilabs} | ${c.cuad}`);
