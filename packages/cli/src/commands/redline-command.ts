/** `redliner redline FILE [--decisions decisions.json] [--undecided suggest|comment] [--out OUT.docx] [--ruleset DIR] [--author NAME] [--no-comments]` */
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parseDocument } from '@redliner/parser';
import { analyze, DEFAULT_RULESET_DIR } from '@redliner/rules';
import { isRedlineError, redline } from '@redliner/redline';
import type { RedlineResult } from '@redliner/redline';
import { UsageError } from '../cli-error.ts';
import { readInputFile } from '../read-input.ts';
import { loadRulesetOrThrow } from './analyze-command.ts';

/** Arguments of `redline`. */
export interface RedlineArgs {
  path: string;
  out?: string;
  decisions?: string;
  ruleset?: string;
  author?: string;
  comments?: boolean;
  /** Findings without a decision: propose their wording (default) or comment only. */
  undecided?: 'suggest' | 'comment';
  password?: string;
}

/** Analyse FILE, apply the decisions (default: accept every suggestion) and return the redlined DOCX; the caller writes it. */
export async function redlineCommand(args: RedlineArgs, warn: (line: string) => void): Promise<{ bytes: Uint8Array; outPath: string; result: RedlineResult }> {
  const original = await readInputFile(args.path);
  const document = await parseDocument(original, { name: basename(args.path), ...(args.password !== undefined ? { password: args.password } : {}) });
  for (const w of document.warnings) warn(`warning [${w.code}] ${document.name}: ${w.message}`);
  const { findings } = analyze(document, loadRulesetOrThrow(args.ruleset ?? DEFAULT_RULESET_DIR, warn));
  const decisions = args.decisions ? await readDecisions(args.decisions) : undefined;
  let result: RedlineResult;
  try {
    result = await redline({ document, findings, decisions, original, options: { ...(args.author ? { author: args.author } : {}), comments: args.comments ?? true, undecided: args.undecided ?? 'suggest' } });
  } catch (error) {
    // Bad decisions are the user's to fix: one line, no stack trace.
    if (isRedlineError(error)) throw new UsageError(`${error.code}: ${error.message}`);
    throw error;
  }
  for (const s of result.skipped) warn(`note: ${s.findingId}: not applied as a tracked change (${s.reason}); added as a comment instead.`);
  const outPath = args.out ?? join(dirname(args.path), `${basename(args.path, extname(args.path))}.redlined.docx`);
  return { bytes: result.bytes, outPath, result };
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
