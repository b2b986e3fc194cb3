/**
 * Warming the PDF path before the first upload: a fresh server's first contract paid for
 * starting the parse worker and its pdf.js threads and importing pdf.js and the layout code
 * (about a second of a 90-page PDF's first upload); a server does that at start instead. The
 * JIT still tunes itself on the first real documents: training it on made-up pages did not
 * help measurably (their fonts and streams are not a real contract's).
 */
import { openPdf } from './load-pdf.ts';

const TEXT = ['1. Term. This Agreement renews automatically for successive one-year terms.', '2. Payment. Plan shall pay clean claims within thirty (30) days.'];

/** A valid one-page PDF with a few lines of text in a standard font, built here so no file ships for it. */
export function minimalPdf(): Uint8Array {
  const content = `BT /F1 11 Tf 72 720 Td 14 TL ${TEXT.map((line) => `(${line}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/** Start `threads` pdf.js threads at once and have each read a page, leaving them idle and ready. */
export async function warmPdfThreads(threads: number): Promise<void> {
  const bytes = minimalPdf();
  const opened = await Promise.all(Array.from({ length: threads }, () => openPdf(bytes, 'warm-up.pdf', undefined, 30_000)));
  try {
    await Promise.all(opened.map(({ client }) => Promise.all([client.pageItems(1), client.pageGraphics(1)])));
  } finally {
    await Promise.all(opened.map(({ client }) => client.dispose()));
  }
}
