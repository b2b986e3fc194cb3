/**
 * Edits one class of a vocabulary file in place, keeping the author's comments, layout and
 * the order of the entries they kept, so a change made in the web editor leaves a file a
 * person can still read and diff (as `manifest-edit.ts` does for `disable:`).
 */
import { isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';

/** A class as it should read after the edit; a key left out is removed from the class. */
export interface VocabularyChange {
  /** What the class means, in plain words. */
  means?: string | undefined;
  /** The class's own words and phrases (replacing an inherited class of the same name). */
  words?: readonly string[] | undefined;
  /** Words and phrases added to the inherited class of the same name. */
  also?: readonly string[] | undefined;
}

/** The change with entries trimmed, blank and repeated ones dropped, and empty lists left out. */
export function normalizeChange(change: VocabularyChange): VocabularyChange {
  const list = (values: readonly string[] | undefined) => {
    const out = [...new Set((values ?? []).map((v) => v.trim().replace(/\s+/g, ' ')).filter(Boolean))];
    return out.length ? out : undefined;
  };
  const means = change.means?.trim().replace(/\s+/g, ' ');
  const words = list(change.words);
  const also = list(change.also);
  return { ...(means ? { means } : {}), ...(words ? { words } : {}), ...(also ? { also } : {}) };
}

/** The header of a vocabulary file the editor creates, so a person opening it knows what it is. */
export const NEW_VOCABULARY_HEADER = `# Your own vocabulary: words that mean the same act or thing, used in rules as {class}.
# A class with the name of an inherited class replaces it; \`also:\` adds words to it instead.
# Content words also match their inflections (terminate, terminated, termination).
`;

function valueOf(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

/** Make the list at `key` hold `values`: kept items stay where they are (with their comments), new ones go at the end. */
function syncList(doc: Document, cls: YAMLMap, key: string, values: readonly string[]): void {
  const seq = cls.get(key, true);
  if (!isSeq(seq)) {
    cls.set(key, doc.createNode([...values], { flow: false }));
    return;
  }
  const wanted = [...values];
  seq.items = seq.items.filter((item) => {
    const at = wanted.indexOf(String(valueOf(item)));
    if (at < 0) return false;
    wanted.splice(at, 1);
    return true;
  });
  for (const value of wanted) seq.items.push(doc.createNode(value));
}

/** The `terms:` map of `doc`, created when missing or empty. Throws when `terms` is something else. */
function termsOf(doc: Document): YAMLMap {
  const terms = doc.get('terms', true);
  if (isMap(terms)) return terms;
  if (terms !== undefined && !(isScalar(terms) && terms.value === null)) throw new Error('`terms:` must be a mapping of class names to classes');
  const created = doc.createNode({}, { flow: false }) as YAMLMap;
  created.flow = false;
  doc.set('terms', created);
  return created;
}

/** In `doc`, make class `name` read as `change` (already normalized), creating it (and `terms:`) when missing. */
export function setClassIn(doc: Document, name: string, change: VocabularyChange): void {
  const terms = termsOf(doc);
  const existing = terms.get(name, true);
  if (!isMap(existing)) {
    terms.set(name, doc.createNode(change, { flow: false }));
    return;
  }
  if (change.means === undefined) existing.delete('means');
  else if (existing.has('means')) existing.set('means', change.means);
  else existing.items.unshift(doc.createPair('means', change.means));
  for (const key of ['words', 'also'] as const) {
    const values = change[key];
    if (values === undefined) existing.delete(key);
    else syncList(doc, existing, key, values);
  }
}

/** In `doc`, remove class `name`. Returns false when the file has no such class. */
export function removeClassIn(doc: Document, name: string): boolean {
  const terms = doc.get('terms', true);
  return isMap(terms) ? terms.delete(name) : false;
}

/** Whether the vocabulary file in `doc` defines class `name`. */
export function definesClass(doc: Document, name: string): boolean {
  const terms = doc.get('terms', true);
  return isMap(terms) && terms.has(name);
}

/** The 1-based line range of class `name` in `doc` (for telling its problems from the rest of the file). */
export function classLines(doc: Document, name: string, lineOf: (offset: number) => number): { first: number; last: number } | undefined {
  const terms = doc.get('terms', true);
  if (!isMap(terms)) return undefined;
  const pair = terms.items.find((item) => String(valueOf(item.key)) === name);
  const start = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
  const end = (pair?.value as { range?: [number, number, number] } | undefined)?.range?.[2];
  return start === undefined || end === undefined ? undefined : { first: lineOf(start), last: lineOf(Math.max(start, end - 1)) };
}
