/**
 * Zip-bomb protection, in two layers. The sizes the central directory declares are checked for
 * every record before anything is inflated (a hostile file is refused without decompressing a
 * byte), and the bytes actually inflated are counted as they come (declared sizes can lie), so
 * inflation stops at the limit instead of at the end of the bomb.
 */
import { ParseError } from '../errors.ts';
import type { ZipDirectory } from './zip-directory.ts';

/** Limits for a DOCX package; exported so tests can exercise them with small numbers. */
export interface ZipLimits {
  /** Declared size of all entries together, and bytes actually inflated when a whole package is checked. */
  maxTotalUncompressed: number;
  maxEntries: number;
  /** Ratio (uncompressed / compressed) above which a large entry counts as a bomb. */
  maxRatio: number;
  /** Entries smaller than this never trip the ratio check (tiny XML compresses extremely well). */
  ratioMinSize: number;
  /**
   * The largest XML part read into memory. Parsing XML into a DOM costs about 50 times the
   * part's size (measured: a 16 MB document.xml peaks at 0.9 GB, a 25 MB one at 1.2 GB), so
   * this is what keeps a parse within the worker's 1 GB heap.
   */
  maxPartBytes: number;
  /** All XML parts read for one document together. */
  maxReadBytes: number;
}

/**
 * The product defaults: 200 MB declared in total, 5000 entries, 200:1 on entries of 1 MB or
 * more, XML parts of at most 16 MB (about 30,000 paragraphs; the largest real contract in the
 * corpus has 0.7 MB) and 24 MB of XML read in all.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxEntries: 5000,
  maxRatio: 200,
  ratioMinSize: 1024 * 1024,
  maxPartBytes: 16 * 1024 * 1024,
  maxReadBytes: 24 * 1024 * 1024,
};

const ADVICE = 'If this is a real contract, open it in Word, remove embedded media or objects you do not need, and save it again (or split it into smaller documents); otherwise do not open it.';

/** The error for a package over a limit; `why` says which one, in words. */
export function tooLarge(file: string, why: string): ParseError {
  return new ParseError('DOCX_TOO_LARGE', `${why}, so it looks like a zip bomb or is too large to read safely. ${ADVICE}`, { file });
}

/** Megabytes, rounded, for messages. */
export function megabytes(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MB`;
}

/** Throw DOCX_TOO_LARGE when the sizes the directory declares break a limit; checks every record. */
export function checkZipLimits(directory: ZipDirectory, file: string, limits: ZipLimits): void {
  if (directory.truncated || directory.declaredCount > limits.maxEntries || directory.entries.length > limits.maxEntries) {
    const count = directory.truncated ? `more than ${limits.maxEntries}` : String(Math.max(directory.declaredCount, directory.entries.length));
    throw tooLarge(file, `This DOCX holds ${count} files inside it (the limit is ${limits.maxEntries})`);
  }
  let total = 0;
  for (const entry of directory.entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= limits.ratioMinSize && ratio > limits.maxRatio) {
      throw tooLarge(file, `The part "${entry.name}" inside this DOCX expands ${Math.round(ratio)} times when unpacked`);
    }
  }
  if (total > limits.maxTotalUncompressed) {
    throw tooLarge(file, `This DOCX unpacks to ${megabytes(total)} (the limit is ${megabytes(limits.maxTotalUncompressed)})`);
  }
}
