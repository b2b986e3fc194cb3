/**
 * Format detection from content (magic bytes), never from the file name: counsel's files
 * arrive renamed, mislabeled or downloaded with the wrong extension.
 */
import { ParseError } from './errors.ts';
import type { DocumentFormat } from './types.ts';

/** What the bytes turned out to be when they are not something we read. */
interface Detected {
  what: string;
  advice: string;
}

const CONVERT = 'Save or export it as a PDF or a Word document (.docx) and upload that file.';

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function asciiIncludes(bytes: Uint8Array, needle: string, limit = bytes.length): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(limit, bytes.length)).includes(needle, 0, 'latin1');
}

function utf16Includes(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(Buffer.from(needle, 'utf16le'));
}

function detectZip(bytes: Uint8Array): DocumentFormat | Detected {
  // Part names sit in plain text in the zip directory; enough to tell Office formats apart.
  if (asciiIncludes(bytes, 'word/')) return 'docx';
  if (asciiIncludes(bytes, 'xl/')) return { what: 'an Excel spreadsheet (XLSX)', advice: CONVERT };
  if (asciiIncludes(bytes, 'ppt/')) return { what: 'a PowerPoint presentation (PPTX)', advice: CONVERT };
  if (asciiIncludes(bytes, 'application/vnd.oasis.opendocument.text')) return { what: 'an OpenDocument text file (ODT)', advice: 'Open it in Word or LibreOffice, save it as a Word document (.docx) and upload that file.' };
  if (asciiIncludes(bytes, 'application/vnd.oasis.opendocument')) return { what: 'an OpenDocument file (ODS/ODP)', advice: CONVERT };
  return { what: 'a ZIP archive that is not a Word document', advice: 'Unzip it and upload the contract inside (PDF or .docx).' };
}

function detectOther(bytes: Uint8Array): Detected {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (utf16Includes(bytes, 'EncryptedPackage')) {
      return { what: 'a password-protected Word document', advice: 'Open it in Word, remove the password (File > Info > Protect Document > Encrypt with Password, clear the password), save it and upload it again.' };
    }
    return { what: 'a legacy Word 97-2003 document (.doc) or another old Office file', advice: 'Open it in Word or LibreOffice, save it as a Word document (.docx) and upload that file.' };
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { what: 'a Rich Text Format file (RTF)', advice: 'Open it in Word or LibreOffice, save it as a Word document (.docx) and upload that file.' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { what: 'a PNG image', advice: 'A photo or scan of a contract has no text. Run OCR (for example in Adobe Acrobat or your scanner software) to make a searchable PDF, then upload that.' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { what: 'a JPEG image', advice: 'A photo or scan of a contract has no text. Run OCR (for example in Adobe Acrobat or your scanner software) to make a searchable PDF, then upload that.' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return { what: 'a TIFF image (probably a scan)', advice: 'Run OCR (for example in Adobe Acrobat or your scanner software) to make a searchable PDF, then upload that.' };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { what: 'a GIF image', advice: CONVERT };
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('utf8').replace(/^\ufeff/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return { what: 'a web page (HTML)', advice: CONVERT };
  if (head.startsWith('<?xml')) return { what: 'an XML file (perhaps a Word 2003 XML document)', advice: 'Open it in Word, save it as a Word document (.docx) and upload that file.' };
  if (looksLikeText(bytes)) return { what: 'a plain text file', advice: 'Redliner reads contracts as PDF or Word (.docx) so it can keep clause numbering and produce tracked changes. Paste the text into Word, save it as .docx and upload that file.' };
  return { what: 'a file of unknown type', advice: 'Upload the contract as a PDF or a Word document (.docx).' };
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let printable = 0;
  for (const b of sample) if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  return !sample.includes(0) && printable / Math.max(sample.length, 1) > 0.95;
}

/**
 * Decide whether `bytes` is a PDF or a DOCX. Throws `FILE_EMPTY` for empty input and
 * `UNSUPPORTED_FORMAT` naming what was detected and what to do for anything else.
 */
export function sniffFormat(bytes: Uint8Array, name: string): DocumentFormat {
  if (bytes.length === 0) {
    throw new ParseError('FILE_EMPTY', 'the file is empty (0 bytes). Check that the upload or download finished, then try again.', { file: name });
  }
  // The PDF spec allows junk before the header; readers accept it within the first 1 KB.
  if (asciiIncludes(bytes, '%PDF-', 1024)) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const zip = detectZip(bytes);
    if (typeof zip === 'string') return zip;
    throw unsupported(name, zip);
  }
  throw unsupported(name, detectOther(bytes));
}

function unsupported(name: string, detected: Detected): ParseError {
  return new ParseError('UNSUPPORTED_FORMAT', `unsupported format: this is ${detected.what}, not a PDF or Word (.docx) document. ${detected.advice}`, { file: name });
}
