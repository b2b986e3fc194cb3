/**
 * Locating the team's shared corpus (`../shared` beside the repo, or REDLINER_SHARED).
 * Corpus tests skip with a message when it is absent, so a fresh clone still passes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of the shared folder, or null when it is not there. */
export const SHARED_DIR: string | null = (() => {
  const dir = process.env.REDLINER_SHARED ?? resolve(REPO_ROOT, '../shared');
  return existsSync(join(dir, 'corpus')) ? dir : null;
})();

/** Message printed when corpus checks are skipped. */
export const SKIP_MESSAGE = `../shared/corpus not found (looked in ${process.env.REDLINER_SHARED ?? resolve(REPO_ROOT, '../shared')}); corpus checks skipped. Set REDLINER_SHARED to run them.`;

/** A gold label file of payer-dev. */
export interface GoldFile {
  file: string;
  flags: Array<{ concept: string; quote: string; note?: string }>;
  decoys: Array<{ concept: string; quote: string; note?: string }>;
  absent: string[] | Array<{ concept: string }>;
}

/** Path inside the shared corpus. */
export function corpusPath(...parts: string[]): string {
  if (!SHARED_DIR) throw new Error(SKIP_MESSAGE);
  return join(SHARED_DIR, 'corpus', ...parts);
}

/** All files under a corpus folder (recursive) with one of the given extensions. */
export function corpusFiles(folder: string, extensions: string[]): string[] {
  const root = corpusPath(folder);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) out.push(path);
    }
  };
  walk(root);
  return out.sort();
}

/** Gold files of payer-dev with the rendered documents that exist for each. */
export function payerDevContracts(): Array<{ slug: string; gold: GoldFile; renderings: string[] }> {
  const goldDir = corpusPath('payer-dev', 'gold');
  const docsDir = corpusPath('payer-dev', 'docs');
  return readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const slug = f.replace(/\.json$/, '');
      const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as GoldFile;
      const renderings = ['.docx', '.pdf'].map((ext) => join(docsDir, slug + ext)).filter((p) => existsSync(p));
      return { slug, gold, renderings };
    });
}

/** Whitespace and quote normalization used to compare gold quotes with parsed text. */
export function normalizeForMatch(text: string): string {
  return text
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
