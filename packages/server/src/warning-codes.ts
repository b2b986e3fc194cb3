/**
 * The registry of warning codes: what Redliner says about a file it did read, but not entirely
 * as the user might assume (scanned pages, earlier tracked changes, a template…). The parser
 * emits them in `document.warnings`; the API and the web app pass them on, the CLI prints them.
 * docs/errors.md documents them from this table (`pnpm errors:doc`).
 *
 * The `Record` over the parser's `ParseWarningCode` makes the build fail when the parser gains a
 * warning that is not documented here; `problem-codes.test.ts` fails while one has no test.
 */
import type { ParseWarningCode } from '@redliner/parser';

/** What the docs say about one warning. */
export interface WarningSpec {
  /** The kind of file it comes from. */
  format: 'PDF' | 'Word';
  /** When it is given, in words a contracting lead understands. */
  when: string;
  /** What to do about it. */
  fix: string;
}

/** Every warning code, with when it is given and what to do. */
export const WARNING_CODES: Readonly<Record<ParseWarningCode, WarningSpec>> = {
  PDF_IMAGE_ONLY_PAGES: { format: 'PDF', when: 'Some pages are pictures with no text layer and were not reviewed: OCR was off, or it found no text on them. The warning lists the pages.', fix: 'Check those pages yourself, or turn OCR on (or run OCR on the PDF) and upload it again.' },
  PDF_OCR_PAGE: { format: 'PDF', when: 'A scanned page was read by text recognition (OCR); its quotes may contain recognition errors. One warning per page, with its average confidence.', fix: 'Check quotes from those pages against the page image before relying on them.' },
  PDF_OCR_FAILED: { format: 'PDF', when: 'Text recognition (OCR) failed on a scanned page, so its text was not reviewed.', fix: 'Check that page yourself, or run OCR on the PDF with other software and upload the result.' },
  PDF_OCR_TIMEOUT: { format: 'PDF', when: 'Text recognition (OCR) did not finish within its time limit on some scanned pages (30 s a page by default), so their text was not reviewed.', fix: 'Check those pages yourself, or run OCR on the PDF with other software and upload the result, which has a text layer.' },
  DOCX_TRACKED_CHANGES: { format: 'Word', when: 'The document already holds tracked changes; Redliner read it as if they were accepted.', fix: 'Nothing, if that is the text you negotiate on. Remember that "Reject All" in Word also rejects those earlier changes in the exported redline.' },
  DOCX_COMMENTS: { format: 'Word', when: 'The document already holds comments; their text is not reviewed, and they stay in the exported file.', fix: 'Read the existing comments yourself; delete them in Word first if they should not go back to the payer.' },
  DOCX_MACRO_OR_TEMPLATE: { format: 'Word', when: 'The file is a Word template (.dotx) or a macro-enabled document (.docm); its text was read normally and macros are never run.', fix: 'Export the redline from a regular .docx copy (File > Save As > "Word Document (.docx)") if Word complains about the result.' },
  DOCX_STRICT_FORMAT: { format: 'Word', when: 'The document is saved as "Strict Open XML". It was read, but a tracked-change redline cannot be written into that format.', fix: 'Re-save it in Word as "Word Document (.docx)" and upload that copy before exporting a redline.' },
  DOCX_EMBEDDED_CONTENT: { format: 'Word', when: 'Part of the document is embedded from another file (an "alt chunk"), and that part was not read.', fix: 'Open it in Word and save it again, which merges the embedded content into the document, then upload that copy.' },
};
