/**
 * Key-term gold files (gold/payer-dev-terms, gold/hilabs_2025_terms, gold/hilabs_2025_terms_unseen;
 * format in gold/hilabs_2025_terms/README.md): one loader for the corpus test and `pnpm eval`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What `redliner terms` shows for a field the contract does not state. */
export const NOT_STATED = 'not stated';

/** One field's gold: the display value, other values that also count, where it was read. */
export interface GoldTerm {
  value: string;
  /** Other correct values (a term stated differently per product: any one is right). */
  also?: string[];
  note?: string;
}

/** The gold key terms of one contract. */
export interface GoldTerms {
  /** The contract's file name (with extension). */
  document: string;
  fields: Record<string, GoldTerm>;
}

/** Every gold file of `dir` (absolute), sorted by name; none when the folder is absent. */
export function loadTermGold(dir: string): GoldTerms[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readGold(join(dir, f)));
}

function readGold(path: string): GoldTerms {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { document?: unknown; fields?: Record<string, unknown> };
  if (typeof raw.document !== 'string' || !raw.fields) throw new Error(`${path}: needs "document" and "fields"`);
  const fields: Record<string, GoldTerm> = {};
  // A bare string is shorthand for { value }.
  for (const [id, entry] of Object.entries(raw.fields)) fields[id] = typeof entry === 'string' ? { value: entry } : (entry as GoldTerm);
  return { document: raw.document, fields };
}

/** The values that count as correct for `gold`. */
export function acceptedValues(gold: GoldTerm): string[] {
  return [gold.value, ...(gold.also ?? [])];
}
