/**
 * A DOCX package opened for reading with bounded memory: the directory checked against the
 * limits first, then each part inflated only when asked for, never past the part limit nor
 * past what is left of the package's budget, with its checksum verified.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { ParseError } from '../errors.ts';
import { entryData, readZipDirectory } from './zip-directory.ts';
import type { ZipEntryInfo } from './zip-directory.ts';
import { DEFAULT_ZIP_LIMITS, checkZipLimits, megabytes, tooLarge } from './zip-limits.ts';
import type { ZipLimits } from './zip-limits.ts';

/** An opened package. Reads throw `ParseError` (DOCX_TOO_LARGE, DOCX_CORRUPT). */
export interface ZipArchive {
  /** Every record of the central directory. */
  readonly entries: readonly ZipEntryInfo[];
  /** The record for a part path (exact, as stored), if any. */
  entry(path: string): ZipEntryInfo | undefined;
  /** The inflated bytes of a part, or null when there is no such file entry. */
  read(path: string): Uint8Array | null;
  /** The part as UTF-8 text, or null when there is no such file entry. */
  readText(path: string): string | null;
}

const METHOD_NAMES: Record<number, string> = { 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 99: 'AES encryption' };

/** Open a package: throws DOCX_CORRUPT when it is not a zip, DOCX_TOO_LARGE when its directory breaks a limit. */
export function openZipArchive(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  const directory = readZipDirectory(bytes, limits.maxEntries + 1);
  if (!directory) throw corruptZip(file, 'it is not a valid DOCX (zip) file');
  checkZipLimits(directory, file, limits);
  const byName = new Map<string, ZipEntryInfo>();
  for (const entry of directory.entries) if (!byName.has(entry.name)) byName.set(entry.name, entry);
  let budget = limits.maxReadBytes;
  // Reading a part again (a caller that scans it, then parses it) is not charged twice.
  const charged = new Set<string>();

  const read = (path: string): Uint8Array | null => {
    const entry = byName.get(path);
    if (!entry || entry.name.endsWith('/')) return null;
    const limit = Math.min(limits.maxPartBytes, charged.has(path) ? limits.maxPartBytes : budget);
    const out = inflateEntry(bytes, entry, limit, file, limits);
    if (!charged.has(path)) budget -= out.byteLength;
    charged.add(path);
    return out;
  };
  return {
    entries: directory.entries,
    entry: (path) => byName.get(path),
    read,
    readText(path) {
      const data = read(path);
      return data === null ? null : new TextDecoder().decode(data);
    },
  };
}

/** Inflate one entry, stopping as soon as it passes `limit` bytes. */
function inflateEntry(bytes: Uint8Array, entry: ZipEntryInfo, limit: number, file: string, limits: ZipLimits): Uint8Array {
  const overLimit = () =>
    limit < limits.maxPartBytes
      ? tooLarge(file, `The parts of this DOCX unpack to more than ${megabytes(limits.maxReadBytes)} of text and markup (the limit)`)
      : tooLarge(file, `The part "${entry.name}" inside this DOCX unpacks to more than ${megabytes(limits.maxPartBytes)} (the limit)`);
  if (entry.flags & 1) throw corruptZip(file, `its part "${entry.name}" is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) {
    const method = METHOD_NAMES[entry.method] ?? `method ${entry.method}`;
    throw corruptZip(file, `its part "${entry.name}" is compressed with ${method}, which Word does not use`);
  }
  const data = entryData(bytes, entry);
  if (!data) throw corruptZip(file, `its part "${entry.name}" is missing or cut short`);
  let out: Uint8Array;
  if (entry.method === 0) {
    if (data.byteLength > limit) throw overLimit();
    out = data;
  } else {
    try {
      // maxOutputLength makes zlib stop inflating once the output passes the limit.
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw overLimit();
      throw corruptZip(file, `its part "${entry.name}" is damaged (it cannot be decompressed)`, error);
    }
  }
  if (crc32(out) !== entry.crc32 || out.byteLength !== entry.uncompressedSize) throw corruptZip(file, `its part "${entry.name}" is damaged (its checksum or size does not match)`);
  return out;
}

/** DOCX_CORRUPT with the usual advice. */
export function corruptZip(file: string, why: string, cause?: unknown): ParseError {
  return new ParseError('DOCX_CORRUPT', `Redliner cannot read this file as a Word document: ${why}. Open it in Word and save it again as "Word Document (.docx)", or upload a PDF instead.`, { file, cause });
}
