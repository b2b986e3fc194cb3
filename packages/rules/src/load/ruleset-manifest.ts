/**
 * The `ruleset.yaml` manifest of a ruleset folder: its name, version, concepts, what it
 * `extends:` and which inherited rules it `disable:`s. The manifest decides which rules a
 * ruleset runs, so a manifest that cannot be read is never quietly skipped: the loader
 * refuses the whole ruleset (running it without the rules it extends would give a lawyer a
 * fraction of the findings with no warning).
 */
import { basename } from 'node:path';
import * as z from 'zod';
import type { ConceptInfo } from '../compiled-types.ts';
import type { RuleError } from '../errors.ts';
import { parseYamlFile } from './parse-rule-file.ts';
import { schemaIssuesToErrors } from './schema-issues.ts';

/** The manifest file name inside a ruleset folder. */
export const MANIFEST_FILE = 'ruleset.yaml';

/** The manifest's schema. */
export const Manifest = z.strictObject({
  name: z.string().min(1),
  version: z.string().optional(),
  description: z.string().optional(),
  extends: z.string().min(1).optional(),
  disable: z.array(z.string().min(1)).optional(),
  concepts: z.array(z.strictObject({ id: z.string().min(1), title: z.string().optional() })).optional(),
});

/** A manifest as read. */
export type ManifestSpec = z.output<typeof Manifest>;

/** A file of a ruleset, by name and text (what the loader reads; the manifest is one of them). */
interface NamedText {
  file: string;
  text: string;
  inherited?: boolean;
}

/** Whether a source is a ruleset manifest. */
export const isManifest = (source: { file: string }): boolean => basename(source.file) === MANIFEST_FILE;

/** Read one manifest; its problems go to `errors`, located, and the result is undefined. */
export function readManifest(source: NamedText | undefined, errors: RuleError[]): ManifestSpec | undefined {
  if (!source) return undefined;
  const yaml = parseYamlFile(source.file, source.text);
  if (yaml.errors.length) {
    errors.push(...yaml.errors);
    return undefined;
  }
  const result = Manifest.safeParse(yaml.data);
  if (result.success) return result.data;
  errors.push(...schemaIssuesToErrors(result.error.issues, yaml.data, yaml.doc, yaml.lineCounter, source.file, () => ['name', 'version', 'description', 'concepts']));
  return undefined;
}

/** Concepts of every manifest, inherited ones first, each id once. */
function mergedConcepts(manifests: ReadonlyArray<ManifestSpec | undefined>): ConceptInfo[] | undefined {
  const listed = manifests.filter((m) => m?.concepts);
  if (listed.length === 0) return undefined;
  const byId = new Map<string, ConceptInfo>();
  for (const manifest of listed) {
    for (const c of manifest!.concepts!) if (!byId.has(c.id)) byId.set(c.id, c.title ? { id: c.id, title: c.title } : { id: c.id });
  }
  return [...byId.values()];
}

/** What the manifests among a ruleset's sources say. */
export interface ManifestsRead {
  /** The own manifest, when there is one and it reads cleanly. */
  own: ManifestSpec | undefined;
  /** The own manifest's file, when there is one (readable or not). */
  ownSource: NamedText | undefined;
  /** The own manifest exists but has errors: the ruleset must not run. */
  ownBroken: boolean;
  /** Concepts of all manifests, inherited first (undefined when none lists any). */
  concepts: ConceptInfo[] | undefined;
}

/** Read the own manifest and the inherited ones among `sources`. */
export function manifestsOf(sources: readonly NamedText[], errors: RuleError[]): ManifestsRead {
  const ownSource = sources.find((s) => isManifest(s) && !s.inherited);
  const before = errors.length;
  const own = readManifest(ownSource, errors);
  const ownBroken = ownSource !== undefined && own === undefined;
  if (ownBroken) {
    errors.splice(before, 0, {
      code: 'RULESET_MANIFEST_INVALID',
      file: ownSource.file,
      line: errors[before]?.line ?? 1,
      col: errors[before]?.col ?? 1,
      message: `${MANIFEST_FILE} has errors, so none of this ruleset's rules are used: without its manifest the ruleset would run without the rules it extends and the ones it turns off. Fix the problems listed for this file, then try again.`,
    });
  }
  const inherited = sources.filter((s) => isManifest(s) && s.inherited).map((s) => readManifest(s, errors));
  return { own, ownSource, ownBroken, concepts: mergedConcepts([...inherited.reverse(), own]) };
}

/** What the manifests among `sources` say, without compiling any rule: the concepts (inherited first) and the own `disable:` list. */
export function manifestInfo(sources: readonly NamedText[]): { concepts: ConceptInfo[]; disable: string[] } {
  const { own, concepts } = manifestsOf(sources, []);
  return { concepts: concepts ?? [], disable: own?.disable ?? [] };
}
