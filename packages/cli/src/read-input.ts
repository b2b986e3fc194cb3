/** Reading input files with messages that say which file and what to do. */
import { readFile, stat } from 'node:fs/promises';
import { UsageError } from './cli-error.ts';

/** Read a contract file from disk; a missing path or a folder is a usage error, not a crash. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UsageError(`${path}: no such file. Check the path (quote it if it contains spaces).`);
  }
  if (info.isDirectory()) throw new UsageError(`${path} is a folder; give the path of a PDF or .docx file.`);
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${path}: cannot be read (${reason}). Check that you have permission to open it.`);
  }
}
