/// <reference types="vite/client" />
/**
 * Opening the review's original PDF with pdf.js, in a way the strict CSP allows: the library and
 * its worker are files Vite bundles under /assets (worker-src 'self'), nothing is evaluated from
 * strings (`isEvalSupported: false`: fonts and shading functions are interpreted instead of
 * compiled), and no WebAssembly is started (it would need 'wasm-unsafe-eval'; only JPEG 2000
 * and JBIG2 images, which contracts rarely hold, lose their decoder). pdf.js is loaded only when
 * the page view is first opened, so the text view does not pay for it.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { ApiError, originalPdfPath } from '../api.ts';
import type { ProblemCode } from '@redliner/server';
import { problemMessage } from '../model/problem.ts';
import type { PageSize } from '../model/page-layout.ts';

/** An open PDF and the size of each of its pages in points (index 0 = page 1). */
export interface OpenPdf {
  pdf: PDFDocumentProxy;
  sizes: PageSize[];
}

async function loadPdfjs(): Promise<typeof import('pdfjs-dist')> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}

/** Fetch and open the original of review `reviewId`; rejects with an ApiError in plain words. */
export async function openReviewPdf(reviewId: string): Promise<OpenPdf> {
  const [pdfjs, bytes] = await Promise.all([loadPdfjs(), fetchOriginal(reviewId)]);
  const pdf = await pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
    // Errors only: pdf.js's warnings about fonts it substitutes are not the reader's concern.
    verbosity: 0,
  }).promise;
  const sizes: PageSize[] = [];
  // Page sizes first (cheap: no drawing), so the column has its full height before any page is drawn.
  for (let n = 1; n <= pdf.numPages; n++) {
    const viewport = (await pdf.getPage(n)).getViewport({ scale: 1 });
    sizes.push({ width: viewport.width, height: viewport.height });
  }
  return { pdf, sizes };
}

async function fetchOriginal(reviewId: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(originalPdfPath(reviewId), { headers: { accept: 'application/pdf' } });
  } catch {
    throw new ApiError(0, problemMessage(0, undefined));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { code?: ProblemCode } | undefined;
    throw new ApiError(response.status, problemMessage(response.status, body), body?.code);
  }
  return new Uint8Array(await response.arrayBuffer());
}
