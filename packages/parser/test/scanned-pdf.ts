/**
 * Scanned-PDF fixtures made in the tests: greyscale page pictures wrapped as an image-only PDF
 * (one Flate-compressed image XObject per page, no text layer), the way a scanner writes them.
 * Pictures come from `pdftoppm` when a test renders a real text PDF (`scanWithPdftoppm`, null
 * when poppler is not installed).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** One page's picture: 8-bit grey rows from the top, and the page size in points it is drawn at. */
export interface GreyPage {
  width: number;
  height: number;
  grey: Uint8Array;
  pageWidth: number;
  pageHeight: number;
  /** A line of Helvetica text over the picture (a page with a text layer too). */
  text?: string;
  /** More Helvetica text over the picture, each at its baseline (points from the top). */
  texts?: Array<{ x: number; y: number; text: string; size: number }>;
}

const pdfString = (text: string) => `(${text.replace(/[()\\]/g, '\\$&')})`;

/** The text layer of a page: its line of text, then its positioned texts. */
function textLayer(page: GreyPage): string {
  const runs = page.text ? [{ x: 72, y: 72, text: page.text, size: 11 }] : [];
  runs.push(...(page.texts ?? []));
  return runs.map((run) => ` BT /F1 ${run.size} Tf ${run.x} ${page.pageHeight - run.y} Td ${pdfString(run.text)} Tj ET`).join('');
}

/** An image-only PDF: each page is its picture drawn over the whole page. */
export function imageOnlyPdf(pages: readonly GreyPage[]): Uint8Array {
  const chunks: Buffer[] = [];
  let length = 0;
  const offsets: number[] = [];
  const push = (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
  };
  const object = (id: number, dict: string, stream?: Buffer) => {
    offsets[id] = length;
    push(Buffer.from(`${id} 0 obj\n${dict}\n`, 'latin1'));
    if (stream) {
      push(Buffer.from('stream\n', 'latin1'));
      push(stream);
      push(Buffer.from('\nendstream\n', 'latin1'));
    }
    push(Buffer.from('endobj\n', 'latin1'));
  };
  push(Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  pages.forEach((page, i) => {
    const id = 3 + i * 3;
    const text = textLayer(page);
    const content = Buffer.from(`q ${page.pageWidth} 0 0 ${page.pageHeight} 0 0 cm /Im0 Do Q${text}`, 'latin1');
    const font = text ? ' /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >>' : '';
    object(id, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.pageWidth} ${page.pageHeight}] /Contents ${id + 1} 0 R /Resources << /XObject << /Im0 ${id + 2} 0 R >>${font} >> >>`);
    object(id + 1, `<< /Length ${content.length} >>`, content);
    const pixels = deflateSync(page.grey);
    object(id + 2, `<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>`, pixels);
  });
  const size = 3 + pages.length * 3;
  const xref = length;
  push(Buffer.from(`xref\n0 ${size}\n0000000000 65535 f \n${Array.from({ length: size - 1 }, (_, i) => `${String(offsets[i + 1]).padStart(10, '0')} 00000 n \n`).join('')}`, 'latin1'));
  push(Buffer.from(`trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}

/** Pixels of a binary PGM ("P5") file. */
export function readPgm(bytes: Uint8Array): { width: number; height: number; grey: Uint8Array } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(Buffer.from(bytes.subarray(0, 64)).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const start = header[0].length;
  return { width, height, grey: bytes.subarray(start, start + width * height) };
}

/** True when poppler's `pdftoppm` can be run. */
export function hasPdftoppm(): boolean {
  return spawnSync('pdftoppm', ['-v']).status === 0;
}

/** The pages of a text PDF rendered to grey pictures at `dpi` by pdftoppm (US Letter assumed from the picture's shape). Null without pdftoppm. */
export function scanPictures(pdf: string, dpi = 200, pages?: { first: number; last: number }): GreyPage[] | null {
  if (!hasPdftoppm()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'redliner-scan-'));
  try {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    const run = spawnSync('pdftoppm', ['-gray', '-r', String(dpi), ...range, pdf, join(dir, 'page')]);
    if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr.toString()}`);
    const files = readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort();
    return files.map((file) => {
      const picture = readPgm(new Uint8Array(readFileSync(join(dir, file))));
      return { ...picture, pageWidth: Math.round((picture.width * 72) / dpi), pageHeight: Math.round((picture.height * 72) / dpi) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A text PDF "scanned": its pages rendered to grey pictures at `dpi` by pdftoppm and wrapped as an
 * image-only PDF of the same page size. Null without pdftoppm.
 */
export function scanWithPdftoppm(pdf: string, dpi = 200, pages?: { first: number; last: number }): Uint8Array | null {
  const pictures = scanPictures(pdf, dpi, pages);
  return pictures ? imageOnlyPdf(pictures) : null;
}

/** The picture on page `pageNumber` (1-based) of an image-only PDF, as the parser's OCR reads it. */
export async function pictureOfPage(bytes: Uint8Array, pageNumber = 1): Promise<{ width: number; height: number; grey: Uint8Array }> {
  const { openPdf } = await import('../src/pdf/load-pdf.ts');
  const { client } = await openPdf(bytes, 'picture.pdf', undefined, 30_000);
  return client.pageImage(pageNumber).finally(() => client.dispose());
}
