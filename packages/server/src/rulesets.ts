/**
 * Which rulesets a review can use: the bundled one, plus every folder the user keeps under
 * `<dataDir>/rulesets/`. Ids are stable strings the web UI can store: the bundled folder's
 * name, or `user:<folder>`.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RuleError } from '@redliner/rules';
import { ProblemError } from './problem.ts';

/** A ruleset folder the server knows about. */
export interface RulesetEntry {
  id: string;
  source: 'bundled' | 'user';
  dir: string;
}

/** The bundled ruleset first, then user rulesets by name. */
export function rulesetEntries(bundledDir: string, dataDir: string): RulesetEntry[] {
  const entries: RulesetEntry[] = [{ id: basename(bundledDir), source: 'bundled', dir: bundledDir }];
  const userRoot = join(dataDir, 'rulesets');
  let folders: string[] = [];
  try {
    folders = readdirSync(userRoot, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch {
    // No user rulesets yet: the folder is created by whoever adds the first one.
  }
  for (const name of folders) entries.push({ id: `user:${name}`, source: 'user', dir: join(userRoot, name) });
  return entries;
}

/** The ruleset for `id` (default: the bundled one), or a 400 naming the ones that exist. */
export function resolveRuleset(id: string | undefined, bundledDir: string, dataDir: string): RulesetEntry {
  const entries = rulesetEntries(bundledDir, dataDir);
  if (id === undefined || id === '') return entries[0]!;
  const found = entries.find((e) => e.id === id);
  if (found) return found;
  throw new ProblemError('UNKNOWN_RULESET', `There is no ruleset "${id}". Available: ${entries.map((e) => e.id).join(', ')} (see GET /api/rulesets).`);
}

/** How a ruleset is loaded: a user ruleset is refused when its manifest is missing. */
export function loadOptionsOf(entry: RulesetEntry): { requireManifest?: boolean } {
  return entry.source === 'user' ? { requireManifest: true } : {};
}

/**
 * Rule errors as the API shows them: the file as "<ruleset folder>/<file>", never the server's
 * absolute path (it means nothing in the browser and says how the server's disk is laid out).
 */
export function publicRuleErrors(errors: readonly RuleError[]): RuleError[] {
  return errors.map((e) => ({ ...e, file: `${basename(dirname(e.file))}/${basename(e.file)}` }));
}
