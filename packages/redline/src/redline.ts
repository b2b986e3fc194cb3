/**
 * The one entry point: decisions on findings → redlined DOCX. A DOCX source is edited in
 * place (tracked changes + comments in the original package); a PDF source becomes a new DOCX
 * built from the parsed blocks with the same tracked changes and comments.
 */
import { createHash } from 'node:crypto';
import type { ContractDocument } from '@redliner/parser';
import type { Finding } from '@redliner/rules';
import { composeChanges } from './compose-changes.ts';
import { planFindings, type Audience } from './decisions.ts';
import { docxFromBlocks } from './docx-from-blocks.ts';
import { redlineDocx } from './docx-redline.ts';
import { RedlineError } from './errors.ts';
import type { RedlineResult } from './result.ts';
import { revisionDate } from './revision-ids.ts';

/** Options of `redline`. */
export interface RedlineOptions {
  /** Author of every tracked change and comment: the user's name (default: the contract's provider name, else "Provider"). */
  author?: string;
  /** Date of every change (default: now). */
  date?: Date | string;
  /**
   * Who the file is for (default `payer`): the payer copy carries only the rules' payer comments
   * beside the changes made; the internal copy comments on every finding with the analysis,
   * decision and reason, and its first comment says it is internal.
   */
  audience?: Audience;
  /** Write comments (default true). A change that could not be tracked always gets one with its wording. */
  comments?: boolean;
  /** Treat findings without a decision as accepted, for a quick full draft (default false: only decided findings change the text). */
  acceptUndecided?: boolean;
}

/** Everything `redline` needs. */
export interface RedlineInput {
  document: ContractDocument;
  findings: Finding[];
  /** Decisions keyed by finding id (see DecisionSchema); omitted findings change nothing unless `options.acceptUndecided`. */
  decisions?: unknown;
  /** The original file's bytes; required for DOCX sources, ignored for PDF. */
  original?: Uint8Array;
  options?: RedlineOptions;
}

/** Build the redlined DOCX. Throws RedlineError for invalid decisions or a mismatched original. */
export async function redline(input: RedlineInput): Promise<RedlineResult> {
  const options = input.options ?? {};
  const doc = input.document;
  const author = options.author?.trim() || defaultAuthor(doc);
  const date = revisionDate(options.date === undefined ? new Date() : new Date(options.date));
  const audience = options.audience ?? 'payer';
  // Composed once here, so the DOCX and the PDF path write the same clean text.
  const plans = composeChanges(doc, planFindings(input.findings, input.decisions, { audience, comments: options.comments ?? true, acceptUndecided: options.acceptUndecided ?? false }));
  if (doc.format === 'pdf') return docxFromBlocks({ document: doc, plans, author, date, audience });
  if (!input.original) throw new RedlineError('REDLINE_ORIGINAL_MISMATCH', 'Redlining a Word document needs the original .docx file.');
  const sha = createHash('sha256').update(input.original).digest('hex');
  if (doc.sha256 && sha !== doc.sha256) {
    throw new RedlineError('REDLINE_ORIGINAL_MISMATCH', `The file given is not the one that was analysed (${doc.name}); the tracked changes would land on the wrong text. Analyse this file first.`);
  }
  return redlineDocx({ document: doc, plans, original: input.original, author, date, audience });
}

/** Without a user name, the changes are the provider's: its name when the contract gives one, never a tool's name. */
function defaultAuthor(doc: ContractDocument): string {
  const provider = doc.parties?.provider;
  const name = provider && !provider.redacted ? provider.name?.trim() : undefined;
  return name && name.length <= 80 ? name : 'Provider';
}
