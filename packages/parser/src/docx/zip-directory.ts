/**
 * Reading a zip's central directory ourselves, before anything is inflated. Every record the
 * directory holds is read, however many the end-of-archive record claims: a hostile file can
 * under-count its entries there and hide a bomb behind the count, while readers such as JSZip
 * go on reading records until the signatures stop.
 */

/** One central-directory record. */
export interface ZipEntryInfo {
  name: string;
  /** Compression method: 0 stored, 8 deflate; anything else Word never writes. */
  method: number;
  /** General-purpose flags; bit 0 means the entry is encrypted. */
  flags: number;
  crc32: number;
  compressedSize: number;
  /** The size the directory claims; the bytes actually inflated are counted separately. */
  uncompressedSize: number;
  /** Where the entry's local header starts in the file. */
  localHeaderOffset: number;
}

/** The directory as read: its records (at most `maxRecords`) and what the end record claimed. */
export interface ZipDirectory {
  entries: ZipEntryInfo[];
  /** The entry count of the end-of-archive record, which may lie. */
  declaredCount: number;
  /** True when reading stopped at `maxRecords` with more records still there. */
  truncated: boolean;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const CDIR_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

/**
 * Read the central directory; null when `bytes` is not a readable zip. Reads records while the
 * signatures continue, up to `maxRecords` (one more than a caller's limit is enough to refuse).
 */
export function readZipDirectory(bytes: Uint8Array, maxRecords: number): ZipDirectory | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return null;
  let count = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  let dirEnd = eocd;
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIG) {
    // Zip64: counts and offsets live in the zip64 end record; a DOCX never needs them, so read what we must.
    const recordAt = Number(view.getBigUint64(eocd - 20 + 8, true));
    if (recordAt + 56 > view.byteLength) return null;
    count = Number(view.getBigUint64(recordAt + 32, true));
    dirSize = Number(view.getBigUint64(recordAt + 40, true));
    dirOffset = Number(view.getBigUint64(recordAt + 48, true));
    dirEnd = recordAt;
  }
  // Data before the zip (a self-extracting stub, a polyglot header) shifts every offset; the
  // directory ends where the end record starts, so the shift is known (JSZip does the same).
  let offsetShift = 0;
  const expectedStart = dirEnd - dirSize;
  if (!signatureAt(view, dirOffset, CDIR_SIG) && expectedStart > dirOffset && signatureAt(view, expectedStart, CDIR_SIG)) {
    offsetShift = expectedStart - dirOffset;
    dirOffset = expectedStart;
  }

  const entries: ZipEntryInfo[] = [];
  const decoder = new TextDecoder();
  let at = dirOffset;
  while (signatureAt(view, at, CDIR_SIG)) {
    if (entries.length >= maxRecords) return { entries, declaredCount: count, truncated: true };
    if (at + 46 > view.byteLength) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > view.byteLength) return null;
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      const big = readZip64Fields(view, at + 46 + nameLength, extraLength, [uncompressedSize, compressedSize, localHeaderOffset]);
      [uncompressedSize, compressedSize, localHeaderOffset] = big;
    }
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      flags: view.getUint16(at + 8, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize,
      uncompressedSize,
      localHeaderOffset: localHeaderOffset + offsetShift,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (entries.length === 0 && count > 0) return null;
  return { entries, declaredCount: count, truncated: false };
}

/** The stored bytes of an entry (still compressed), or null when its local header is not where the directory says. */
export function entryData(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (!signatureAt(view, at, LOCAL_SIG) || at + 30 > view.byteLength) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  return end <= bytes.byteLength ? bytes.subarray(start, end) : null;
}

function signatureAt(view: DataView, at: number, signature: number): boolean {
  return at >= 0 && at + 4 <= view.byteLength && view.getUint32(at, true) === signature;
}

function findEocd(view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= stop; i--) if (view.getUint32(i, true) === EOCD_SIG) return i;
  return -1;
}

/** Zip64 extra field: 8-byte values, present only for the fields marked 0xffffffff, in this order. */
function readZip64Fields(view: DataView, start: number, length: number, fields: [number, number, number]): [number, number, number] {
  for (let at = start; at + 4 <= start + length && at + 4 <= view.byteLength; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const out: [number, number, number] = [...fields];
      for (let i = 0; i < 3; i++) {
        if (fields[i] !== 0xffffffff || field + 8 > view.byteLength) continue;
        out[i] = Number(view.getBigUint64(field, true));
        field += 8;
      }
      return out;
    }
    at += 4 + size;
  }
  return fields;
}
