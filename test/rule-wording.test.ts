/**
 * The bundled rulesets hold no wording copied from a labeled set: no line of a rule, vocabulary or
 * rule example shares a run of eight words with a clause-bank item, a payer-dev contract or its gold
 * labels, or the gold quotes of the real agreements. Examples that are test items make `rules test`
 * and the accuracy numbers measure memory, not rules. Skips without ../shared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiedLines, indexRuns, type LabeledText } from '../scripts/eval/wording-overlap.ts';
import { corpusFiles, corpusPath, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

const RUN = 8;
const { parse: parseYaml } = createRequire(join(REPO_ROOT, 'packages', 'rules', 'package.json'))('yaml') as { parse: (text: string) => unknown };

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function labeledTexts(): LabeledText[] {
  const bank = corpusFiles('clause-bank', ['.yaml']).flatMap((file) => {
    const data = parseYaml(readFileSync(file, 'utf8')) as { items?: Array<{ id: string; text: string }> };
    return (data.items ?? []).map((item) => ({ source: item.id, text: item.text }));
  });
  const payerDev = corpusFiles('payer-dev', ['.md', '.txt', '.json']).map((file) => ({ source: relative(corpusPath(), file), text: readFileSync(file, 'utf8') }));
  const gold = filesUnder(join(REPO_ROOT, 'gold'), '.json').map((file) => ({ source: relative(REPO_ROOT, file), text: readFileSync(file, 'utf8') }));
  return [...bank, ...payerDev, ...gold];
}

describe.skipIf(!SHARED_DIR)('bundled rulesets: no wording copied from labeled sets', () => {
  it(`no ruleset line shares ${RUN} words in a row with labeled text`, () => {
    const runs = indexRuns(labeledTexts(), RUN);
    expect(runs.size).toBeGreaterThan(10_000);
    const copied = filesUnder(join(REPO_ROOT, 'rulesets'), '.yaml').flatMap((file) => copiedLines(relative(REPO_ROOT, file), readFileSync(file, 'utf8'), runs, RUN));
    const report = copied.map((c) => `${c.file}:${c.line} shares "${c.run}" with ${c.sources.join(', ')}`);
    expect(report, 'reword these lines in your own words (the mechanism, not the sentence)').toEqual([]);
  });
});

if (!SHARED_DIR) console.log(`rule-wording: ${SKIP_MESSAGE}`);
