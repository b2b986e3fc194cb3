/**
 * A document's text as UTF-8 bytes, for RE2. Given a JavaScript string, RE2 copies and
 * converts it to UTF-8 on every call; given bytes (or a view into them) it reads them as
 * they are. The document is converted once, and offsets map between string units and bytes.
 */

/** The text's UTF-8 bytes and the maps between string offsets and byte offsets. */
export interface Utf8Text {
  bytes: Buffer;
  /** The byte offset of string offset `charOffset`, which must not split a surrogate pair. */
  byteIndex(charOffset: number): number;
  /** The string offset of `byteOffset`, which must fall between two characters. */
  charIndex(byteOffset: number): number;
}

const ENCODER = new TextEncoder();
const SURROGATE = /[\uD800-\uDFFF]/;
// A surrogate without its pair becomes U+FFFD in UTF-8, which no longer maps one-to-one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** After each multi-byte character: where it ends in bytes and in string units, and the bytes-minus-units difference so far. */
interface ShiftTable {
  byteEnds: number[];
  charEnds: number[];
  extras: number[];
}

// Read from the lead bytes: 2- and 3-byte characters are one string unit, 4-byte ones
// (astral, a surrogate pair) two.
function shiftTable(bytes: Uint8Array): ShiftTable {
  const table: ShiftTable = { byteEnds: [], charEnds: [], extras: [] };
  let extra = 0;
  for (let b = 0; b < bytes.length; b++) {
    const lead = bytes[b]!;
    if (lead < 0xc0) continue; // ASCII or a continuation byte
    const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    extra += size === 4 ? 2 : size - 1;
    table.byteEnds.push(b + size);
    table.charEnds.push(b + size - extra);
    table.extras.push(extra);
  }
  return table;
}

/** The difference in force at `offset`: that of the last character in `ends` ending at or before it. */
function extraAt(ends: readonly number[], extras: readonly number[], offset: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : extras[lo - 1]!;
}

/** Bytes and offset maps for `text`, or null when `text` has an unpaired surrogate. */
export function utf8Text(text: string): Utf8Text | null {
  // encodeInto a buffer of the worst-case size is several times faster than Buffer.from.
  const room = Buffer.allocUnsafe(text.length * 3);
  const bytes = room.subarray(0, ENCODER.encodeInto(text, room).written);
  if (bytes.length === text.length) return { bytes, byteIndex: (offset) => offset, charIndex: (offset) => offset };
  if (SURROGATE.test(text) && LONE_SURROGATE.test(text)) return null;
  let table: ShiftTable | undefined;
  return {
    bytes,
    byteIndex(offset) {
      table ??= shiftTable(bytes);
      return offset + extraAt(table.charEnds, table.extras, offset);
    },
    charIndex(offset) {
      table ??= shiftTable(bytes);
      return offset - extraAt(table.byteEnds, table.extras, offset);
    },
  };
}
