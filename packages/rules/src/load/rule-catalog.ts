/**
 * The rules of a ruleset as a list to browse (the web rule editor): every rule file, its own
 * and the inherited ones, read and schema-checked but not compiled, so listing a ruleset is
 * cheap and a broken rule file still appears (and can be opened to fix it).
 */
import { basename } from 'node:path';
import type { ConceptInfo } from '../compiled-types.ts';
import { isRuleSource, manifestInfo, rulesetSources, type LoadOptions } from './load-ruleset.ts';
import { parseRuleFile } from './parse-rule-file.ts';
import type { RuleKind, Severity } from './rule-schema.ts';

/** One rule file of a ruleset. */
export interface CatalogEntry {
  /** Absolute path of the file. */
  file: string;
  /** The rule id, or the file name without extension when the id cannot be read. */
  id: string;
  title?: string;
  concept?: string;
  severity?: Severity;
  kind?: RuleKind;
  /** The file comes from a ruleset this one extends. */
  inherited: boolean;
  /** An own rule that replaces an inherited rule of the same id. */
  replacesInherited: boolean;
  /** An inherited rule replaced by an own rule of the same id (it does not run). */
  replaced: boolean;
  /** Turned off by the ruleset's `disable:` list (it does not run). */
  disabled: boolean;
  /** How many errors reading and schema-checking the file found (compile errors are not looked for). */
  errorCount: number;
}

/** A ruleset's concepts (checklist order) and every rule file, own files first. */
export interface Catalog {
  concepts: ConceptInfo[];
  rules: CatalogEntry[];
}

/** List the ruleset in `dir`. */
export function ruleCatalog(dir: string, options: LoadOptions = {}): Catalog {
  const { sources } = rulesetSources(dir, options);
  const manifest = manifestInfo(sources);
  const off = new Set(manifest.disable);
  const entries: CatalogEntry[] = [];
  for (const source of sources) {
    if (!isRuleSource(source)) continue;
    const parsed = parseRuleFile(source.file, source.text);
    const raw = parsed.yaml.data as { id?: unknown } | undefined;
    const id = parsed.spec?.id ?? (typeof raw?.id === 'string' ? raw.id : basename(source.file).replace(/\.ya?ml$/i, ''));
    const spec = parsed.spec;
    entries.push({
      file: source.file,
      id,
      ...(spec ? { title: spec.title, concept: spec.concept, severity: spec.severity, kind: spec.kind } : {}),
      inherited: source.inherited === true,
      replacesInherited: false,
      replaced: false,
      disabled: off.has(id),
      errorCount: parsed.errors.length,
    });
  }
  const own = new Map(entries.filter((e) => !e.inherited).map((e) => [e.id, e]));
  for (const entry of entries) {
    const mine = entry.inherited ? own.get(entry.id) : undefined;
    if (!mine) continue;
    entry.replaced = true;
    mine.replacesInherited = true;
  }
  return { concepts: manifest.concepts, rules: entries };
}
