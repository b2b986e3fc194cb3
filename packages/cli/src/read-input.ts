/** Reading input files with messages that say which file and what to do. */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { ParseError } from '@redliner/parser';
import { UsageError } from './cli-error.ts';

/** The largest contract file read, the same as the server's upload limit. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/**
 * Read a contract file from disk. A missing path, a folder or anything that is not a regular
 * file (a device such as /dev/zero, a pipe) is a usage error, not a crash or an endless read; a
 * file over `maxBytes` is refused with FILE_TOO_LARGE, and never more than that is read.
 */
export async function readInputFile(path: string, maxBytes = MAX_INPUT_BYTES): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UsageError(`${path}: no such file. Check the path (quote it if it contains spaces).`);
  }
  if (info.isDirectory()) throw new UsageError(`${path} is a folder; give the path of a PDF or .docx file.`);
  if (!info.isFile()) throw notRegular(path);
  let handle: FileHandle | undefined;
  try {
    // Non-blocking, so a path swapped for a pipe after the check cannot hang the open.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = await handle.stat();
    if (!opened.isFile()) throw notRegular(path);
    if (opened.size > maxBytes) throw tooLarge(path, opened.size, maxBytes);
    // One byte more than allowed tells a file that grew since the check from one that fits.
    const buffer = new Uint8Array(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > maxBytes) throw tooLarge(path, length, maxBytes);
        break;
      }
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ParseError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${path}: cannot be read (${reason}). Check that you have permission to open it.`);
  } finally {
    await handle?.close();
  }
}

function notRegular(path: string): UsageError {
  return new UsageError(`${path} is not a regular file (it is a device, a pipe or a socket); give the path of a PDF or .docx file.`);
}

function tooLarge(path: string, size: number, maxBytes: number): ParseError {
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return new ParseError('FILE_TOO_LARGE', `this file is ${mb(size)}; Redliner reads contracts of at most ${mb(maxBytes)}. Split the contract, or compress its images, and try again.`, { file: path });
}
