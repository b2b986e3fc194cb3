/** `redliner redline FILE [--decisions decisions.json | --accept-all] [--audience payer|internal] [--author NAME] [--out OUT.docx] [--ruleset DIR] [--no-comments]` */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseDocument } from '@redliner/parser';
import type { ContractDocument } from '@redliner/parser';
import { analyze, DEFAULT_RULESET_DIR } from '@redliner/rules';
import type { Finding } from '@redliner/rules';
import { isRedlineError, redline, redlineFileName } from '@redliner/redline';
import type { Audience, RedlineResult } from '@redliner/redline';
import { UsageError } from '../cli-error.ts';
import { readInputFile } from '../read-input.ts';
import { ocrOptions } from '../ocr-options.ts';
import { loadRulesetOrThrow } from './analyze-command.ts';

/** Arguments of `redline`. */
export interface RedlineArgs {
  path: string;
  out?: string;
  decisions?: string;
  ruleset?: string;
  author?: string;
  comments?: boolean;
  /** Who the file is for (default `payer`). */
  audience?: Audience;
  /** Accept every finding not decided in `decisions` (a quick full draft). */
  acceptAll?: boolean;
  password?: string;
  /** Read scanned PDF pages with OCR (default true). */
  ocr?: boolean;
}

/**
 * Analyse FILE, apply the decisions (only decided findings change the text, unless `acceptAll`)
 * and return the redlined DOCX for the audience; the caller writes it.
 */
export async function redlineCommand(args: RedlineArgs, warn: (line: string) => void): Promise<{ bytes: Uint8Array; outPath: string; result: RedlineResult }> {
  const audience = args.audience ?? 'payer';
  const { original, document, findings, decisions } = await decidedFindings(args, 'copy', warn);
  let result: RedlineResult;
  try {
    result = await redline({ document, findings, decisions, original, options: { ...(args.author ? { author: args.author } : {}), comments: args.comments ?? true, audience, acceptUndecided: args.acceptAll ?? false } });
  } catch (error) {
    // Bad decisions are the user's to fix: one line, no stack trace.
    if (isRedlineError(error)) throw new UsageError(`${error.code}: ${error.message}`);
    throw error;
  }
  for (const s of result.skipped) warn(`note: ${s.findingId}: not applied as a tracked change (${s.reason}); added as a comment instead.`);
  const undecided = result.applied.filter((a) => a.outcome === 'undecided').length;
  if (undecided > 0) warn(`note: ${undecided} finding(s) without a decision left the text unchanged${audience === 'payer' ? ' and are not in the payer copy' : args.comments === false ? '' : ' (commented in this internal copy)'}; decide them, or pass --accept-all to propose their suggestions.`);
  // A PDF cannot carry tracked changes: say plainly that the Word file is a new one.
  if (document.format === 'pdf') warn(`note: ${basename(args.path)} is a PDF, so the Word file is rebuilt from its text: headings, numbered clauses, tables and page breaks before exhibits are kept; the PDF's own fonts, running headers and images are not${document.warnings.some((w) => w.code === 'PDF_IMAGE_ONLY_PAGES') ? ', and its scanned pages appear as placeholders' : ''}. Check it against the PDF before sending.`);
  const outPath = args.out ?? join(dirname(args.path), redlineFileName(basename(args.path), audience));
  return { bytes: result.bytes, outPath, result };
}

/** What the redline and the issues list both start from: the parsed file, its findings and the decisions. */
export async function decidedFindings(args: RedlineArgs, what: 'copy' | 'list', warn: (line: string) => void): Promise<{ original: Uint8Array; document: ContractDocument; findings: Finding[]; decisions: unknown }> {
  // A payer copy with nothing decided would be the payer's own draft back: say what to pass instead.
  if ((args.audience ?? 'payer') === 'payer' && !args.decisions && !args.acceptAll) {
    throw new UsageError(`nothing is decided, so the payer ${what} would ${what === 'copy' ? 'not change the contract' : 'be empty'}. Pass --decisions decisions.json (your accept/edit/reject decisions), or --accept-all to propose every suggestion, or --audience internal for a ${what} that covers every finding.`);
  }
  const original = await readInputFile(args.path);
  const document = await parseDocument(original, { name: basename(args.path), ...(args.password !== undefined ? { password: args.password } : {}), ...ocrOptions(args.ocr, warn) });
  for (const w of document.warnings) warn(`warning [${w.code}] ${document.name}: ${w.message}`);
  const { findings } = analyze(document, loadRulesetOrThrow(args.ruleset ?? DEFAULT_RULESET_DIR, warn));
  const decisions = args.decisions ? await readDecisions(args.decisions) : undefined;
  return { original, document, findings, decisions };
}

async function readDecisions(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`${path}: cannot read the decisions file.`);
  }
  try {
    const json = JSON.parse(text) as unknown;
    // Accept either the decisions map itself or {"decisions": {...}} as the web app saves it.
    return json && typeof json === 'object' && 'decisions' in json ? (json as { decisions: unknown }).decisions : json;
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
}
