/**
 * The one entry point: decisions on findings → redlined DOCX. A DOCX source is edited in
 * place (tracked changes + comments in the original package); a PDF source becomes a new DOCX
 * built from the parsed blocks with the same tracked changes and comments.
 */
import { createHash } from 'node:crypto';
import type { ContractDocument } from '@redliner/parser';
import type { Finding } from '@redliner/rules';
import { planFindings, type UndecidedHandling } from './decisions.ts';
import { docxFromBlocks } from './docx-from-blocks.ts';
import { redlineDocx } from './docx-redline.ts';
import { RedlineError } from './errors.ts';
import type { RedlineResult } from './result.ts';
import { revisionDate } from './revision-ids.ts';

/** Options of `redline`. */
export interface RedlineOptions {
  /** Author of every tracked change and comment (default "Redliner"). */
  author?: string;
  /** Date of every change (default: now). */
  date?: Date | string;
  /** Add a comment for every finding (default true). Skipped changes always get one. */
  comments?: boolean;
  /** Findings without a decision: `suggest` their wording as tracked changes (default), or `comment` only. */
  undecided?: UndecidedHandling;
}

/** Everything `redline` needs. */
export interface RedlineInput {
  document: ContractDocument;
  findings: Finding[];
  /** Decisions keyed by finding id (see DecisionSchema); omitted findings follow `options.undecided`. */
  decisions?: unknown;
  /** The original file's bytes; required for DOCX sources, ignored for PDF. */
  original?: Uint8Array;
  options?: RedlineOptions;
}

/** Build the redlined DOCX. Throws RedlineError for invalid decisions or a mismatched original. */
export async function redline(input: RedlineInput): Promise<RedlineResult> {
  const options = input.options ?? {};
  const author = options.author?.trim() || 'Redliner';
  const date = revisionDate(options.date === undefined ? new Date() : new Date(options.date));
  const plans = planFindings(input.findings, input.decisions, options.comments ?? true, options.undecided ?? 'suggest');
  const doc = input.document;
  if (doc.format === 'pdf') return docxFromBlocks({ document: doc, plans, author, date });
  if (!input.original) throw new RedlineError('REDLINE_ORIGINAL_MISMATCH', 'Redlining a Word document needs the original .docx file.');
  const sha = createHash('sha256').update(input.original).digest('hex');
  if (doc.sha256 && sha !== doc.sha256) {
    throw new RedlineError('REDLINE_ORIGINAL_MISMATCH', `The file given is not the one that was analysed (${doc.name}); the tracked changes would land on the wrong text. Analyse this file first.`);
  }
  return redlineDocx({ document: doc, plans, original: input.original, author, date });
}
