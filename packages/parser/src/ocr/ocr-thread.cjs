/**
 * Entry of the tesseract.js worker thread, in place of tesseract.js's own: it takes away the
 * thread's `fetch` before tesseract.js loads, so recognition can never reach the network (by
 * default tesseract.js downloads its language data from a CDN; contracts are confidential and
 * the machine may be offline). The language data is read from the installed
 * @tesseract.js-data/eng package instead (see ocr-engine.ts). CommonJS because tesseract.js's
 * worker script is.
 */
'use strict';

const refuse = (url) => Promise.reject(new Error(`network access is disabled for OCR (asked for ${String(url)})`));
Object.defineProperty(globalThis, 'fetch', { value: refuse, writable: false, configurable: false });

require('tesseract.js/src/worker-script/node/index.js');
