/**
 * @redliner/parser: PDF and DOCX bytes → ContractDocument.
 *
 * `parseDocument` is the pure, in-thread parser (CLI, tests). Servers use
 * `parseDocumentOffThread`, which runs the same code in a worker pool so a long PDF never
 * stalls the event loop.
 */
export { parseDocument } from './parse-document.ts';
export { parseDocumentOffThread, closeParserPool, parserQueue, ParserBusyError, warmUpParser } from './parse-pool.ts';
export type { OffThreadOptions } from './parse-pool.ts';
export { ParseError, isParseError } from './errors.ts';
export type { ParseErrorCode } from './errors.ts';
export { detectLabel } from './clause-labels.ts';
export type { DetectedLabel } from './clause-labels.ts';
export { locate, blockAt, sectionPath } from './locate.ts';
export type { Location } from './locate.ts';
export { BLOCK_SEPARATOR } from './assemble-document.ts';
export { pageBoxes } from './page-boxes.ts';
export { minimalPdf } from './pdf/warm-up.ts';
export type { PageBox } from './page-boxes.ts';
export { docxParagraphText } from './docx/paragraph-text.ts';
export { formatNumber } from './docx/number-format.ts';
// The one OOXML package layer: the redline writer opens the original through it, so reading and
// writing agree on the zip limits and on which part is the main document.
export { openOoxmlPackage, mainPartPath, optionalPart, partFolder, relationshipTargets, relsPathOf } from './docx/ooxml-package.ts';
export type { OoxmlPackage } from './docx/ooxml-package.ts';
// The read side of the one OOXML layer: the redline writer uses these rather than its own copy.
export { MC_NS, W_NS, W_STRICT_NS, childElements, isW, parseXml, wAncestor, wChild } from './docx/ooxml-dom.ts';
export type { ZipArchive } from './docx/zip-archive.ts';
export { DEFAULT_ZIP_LIMITS } from './docx/zip-limits.ts';
export type { ZipLimits } from './docx/zip-limits.ts';
export type { ZipEntryInfo } from './docx/zip-directory.ts';
export type * from './types.ts';
