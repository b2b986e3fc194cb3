/**
 * Zip-bomb protection. The sizes come from the zip's central directory, which we read ourselves
 * before any entry is inflated: a hostile file must be refused without decompressing a byte.
 */
import { ParseError } from '../errors.ts';

/** Limits for a DOCX package; exported so tests can exercise them with small numbers. */
export interface ZipLimits {
  maxTotalUncompressed: number;
  maxEntries: number;
  /** Ratio (uncompressed / compressed) above which a large entry counts as a bomb. */
  maxRatio: number;
  /** Entries smaller than this never trip the ratio check (tiny XML compresses extremely well). */
  ratioMinSize: number;
}

/** The product defaults: 200 MB in total, 5000 entries, 200:1 on entries of 1 MB or more. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxEntries: 5000,
  maxRatio: 200,
  ratioMinSize: 1024 * 1024,
};

/** One central-directory record. */
export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const CDIR_SIG = 0x02014b50;

/** Read the central directory; returns null when `bytes` is not a readable zip. */
export function readZipDirectory(bytes: Uint8Array): { entries: ZipEntryInfo[]; declaredCount: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return null;
  let count = view.getUint16(eocd + 10, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIG) {
    // Zip64: counts and offsets live in the zip64 end record; a DOCX never needs them, so read what we must.
    const recordAt = Number(view.getBigUint64(eocd - 20 + 8, true));
    if (recordAt + 56 > view.byteLength) return null;
    count = Number(view.getBigUint64(recordAt + 32, true));
    dirOffset = Number(view.getBigUint64(recordAt + 48, true));
  }
  const entries: ZipEntryInfo[] = [];
  let at = dirOffset;
  // Stop reading once past the limit: the count alone is enough to refuse.
  const readable = Math.min(count, DEFAULT_ZIP_LIMITS.maxEntries + 1);
  for (let i = 0; i < readable; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CDIR_SIG) return null;
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > view.byteLength) return null;
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      const sizes = readZip64Sizes(view, at + 46 + nameLength, extraLength, uncompressedSize === 0xffffffff, compressedSize === 0xffffffff);
      uncompressedSize = sizes.uncompressed ?? uncompressedSize;
      compressedSize = sizes.compressed ?? compressedSize;
    }
    entries.push({ name, compressedSize, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, declaredCount: count };
}

/** Throw DOCX_TOO_LARGE when the package would inflate beyond the limits. */
export function checkZipLimits(directory: { entries: ZipEntryInfo[]; declaredCount: number }, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  const advice = 'If this is a real contract, open it in Word, remove embedded media or objects you do not need, and save it again; otherwise do not open it.';
  if (directory.declaredCount > limits.maxEntries || directory.entries.length > limits.maxEntries) {
    throw new ParseError('DOCX_TOO_LARGE', `This DOCX holds ${directory.declaredCount} files inside it (the limit is ${limits.maxEntries}), so it looks like a zip bomb or is too large to read safely. ${advice}`, { file });
  }
  let total = 0;
  for (const entry of directory.entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= limits.ratioMinSize && ratio > limits.maxRatio) {
      throw new ParseError('DOCX_TOO_LARGE', `The part "${entry.name}" inside this DOCX expands ${Math.round(ratio)} times when unpacked, so the file looks like a zip bomb. ${advice}`, { file });
    }
  }
  if (total > limits.maxTotalUncompressed) {
    const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
    throw new ParseError('DOCX_TOO_LARGE', `This DOCX unpacks to ${mb(total)} (the limit is ${mb(limits.maxTotalUncompressed)}), so it looks like a zip bomb or is too large to read. ${advice}`, { file });
  }
}

function findEocd(view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= stop; i--) if (view.getUint32(i, true) === EOCD_SIG) return i;
  return -1;
}

function readZip64Sizes(view: DataView, start: number, length: number, wantUncompressed: boolean, wantCompressed: boolean): { uncompressed?: number; compressed?: number } {
  for (let at = start; at + 4 <= start + length && at + 4 <= view.byteLength; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const out: { uncompressed?: number; compressed?: number } = {};
      if (wantUncompressed && field + 8 <= view.byteLength) {
        out.uncompressed = Number(view.getBigUint64(field, true));
        field += 8;
      }
      if (wantCompressed && field + 8 <= view.byteLength) out.compressed = Number(view.getBigUint64(field, true));
      return out;
    }
    at += 4 + size;
  }
  return {};
}
