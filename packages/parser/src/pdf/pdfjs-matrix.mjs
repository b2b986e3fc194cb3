// @ts-check
/**
 * Affine matrices as PDF writes them ([a, b, c, d, e, f]), for the modules of the pdf.js thread
 * (pdfjs-worker.mjs, pdfjs-images.mjs). Plain JavaScript for the same reason they are: the thread
 * runs without the TypeScript loader.
 */

/** @typedef {import('./pdfjs-protocol.ts').Matrix} Matrix */

/**
 * `m` × `n`: the transform that applies `n` first, then `m` (how a `cm` operator composes with
 * the current transformation matrix).
 * @type {(m: Matrix, n: Matrix) => Matrix}
 */
export const multiply = (m, n) => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
