/**
 * Loads pdf.js once, lazily, and builds the `getDocument` options that are safe and work
 * under Node 20 (see research notes Q3).
 */
import { createRequire } from 'node:module';

/** The parts of the pdf.js module this package uses. */
export type PdfJsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<PdfJsModule> | undefined;

/** The legacy build: the modern one needs DOMMatrix, which Node 20 lacks. */
export function loadPdfJs(): Promise<PdfJsModule> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loaded;
}

let assetDir: string | undefined;

// Resolved from this package, not from cwd, so the CLI works from any directory.
function pdfjsAssetDir(): string {
  if (!assetDir) {
    const require = createRequire(import.meta.url);
    assetDir = require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
  }
  return assetDir;
}

/** `getDocument` parameters: a copy of the bytes (pdf.js transfers the buffer), no eval, no font faces. */
export function documentParams(bytes: Uint8Array, password: string | undefined) {
  const dir = pdfjsAssetDir();
  return {
    data: new Uint8Array(bytes),
    password,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    verbosity: 0,
    standardFontDataUrl: `${dir}standard_fonts/`,
    cMapUrl: `${dir}cmaps/`,
    cMapPacked: true,
  };
}
