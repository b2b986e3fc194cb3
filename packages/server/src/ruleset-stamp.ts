/**
 * When a ruleset changed: a cheap fingerprint of the YAML files of a ruleset folder and of the
 * rulesets it extends (rules, manifests and vocabulary files alike), so the analysis worker's
 * compiled rulesets and the vocabulary listing are rebuilt after any edit, including one made
 * by hand in an editor, and reused otherwise.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rulesetChain, TERMS_FOLDER } from '@redliner/rules';

/**
 * The fingerprint of one folder's YAML files. The inode is part of it because edits are
 * written through a rename: two writes within one clock tick that keep the size still give
 * the file a new inode.
 */
export function folderStamp(dir: string): string {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/i.test(name))
      .sort()
      .map((name) => {
        const info = statSync(join(dir, name));
        return `${name}:${info.size}:${info.mtimeMs}:${info.ino}`;
      })
      .join('|');
  } catch {
    return 'unreadable';
  }
}

const chainStamp = (dirs: readonly string[]): string => dirs.map(folderStamp).join('||');

/** The fingerprint of the ruleset in `dir`: its folder and every folder it extends, nearest first. */
export function rulesetStamp(dir: string): string {
  return chainStamp(rulesetChain(dir).dirs);
}

/**
 * Both fingerprints of the ruleset in `dir` from one walk of its folders: `rules` (what
 * `rulesetStamp` gives) and `keyTerms` (the rules plus every `terms/` folder of the chain, since
 * key-term fields use the rules' vocabulary). The analysis worker needs both for each contract.
 */
export function rulesetStamps(dir: string): { rules: string; keyTerms: string } {
  const { dirs } = rulesetChain(dir);
  const rules = chainStamp(dirs);
  return { rules, keyTerms: `${rules}##${chainStamp(dirs.map((d) => join(d, TERMS_FOLDER)))}` };
}
