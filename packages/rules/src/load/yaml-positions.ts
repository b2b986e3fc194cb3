/**
 * Maps a path inside a parsed YAML document (as zod reports it) back to `line:col` in the file,
 * so an error points at the offending key or value rather than at the top of the file.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** A 1-based position in a file. */
export interface Position {
  line: number;
  col: number;
}

type PathKey = string | number | symbol;

function child(node: unknown, key: PathKey): { value: unknown; keyNode?: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
    return pair ? { value: pair.value, keyNode: pair.key } : undefined;
  }
  if (isSeq(node) && typeof key === 'number') {
    const item = node.items[key];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/**
 * The position of the node at `path`. With `key`, the position of that key inside the map at
 * `path` (for unknown keys). Falls back to the deepest node that exists, then to 1:1.
 */
export function positionOf(doc: Document, lineCounter: LineCounter, path: readonly PathKey[], key?: string): Position {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const part of path) {
    const next = child(node, part);
    if (!next) break;
    node = next.value;
    // A key with an empty value ("match:") has no value node; point at the key instead.
    offset = rangeStart(node) ?? rangeStart(next.keyNode) ?? offset;
  }
  if (key !== undefined) {
    const found = child(node, key);
    offset = rangeStart(found?.keyNode) ?? offset;
  }
  if (offset === undefined) return { line: 1, col: 1 };
  const { line, col } = lineCounter.linePos(offset);
  return { line, col };
}

/** The position of a character offset in the file. */
export function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, col };
}
