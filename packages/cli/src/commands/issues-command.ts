/** `redliner issues FILE (--decisions decisions.json | --accept-all) [--audience payer|internal] [--format xlsx|docx|csv] [--out OUT]` */
import { basename, dirname, join } from 'node:path';
import { isRedlineError, issuesList, issuesListFile, issuesListFileName } from '@redliner/redline';
import type { IssuesList, IssuesListFormat } from '@redliner/redline';
import { UsageError } from '../cli-error.ts';
import { decidedFindings, type RedlineArgs } from './redline-command.ts';

/** Arguments of `issues`: those of `redline` plus the file format. */
export interface IssuesArgs extends Omit<RedlineArgs, 'author' | 'comments'> {
  format?: IssuesListFormat;
}

/** Analyse FILE, apply the decisions and return the issues list file; the caller writes it. */
export async function issuesCommand(args: IssuesArgs, warn: (line: string) => void): Promise<{ bytes: Uint8Array; outPath: string; list: IssuesList }> {
  const audience = args.audience ?? 'payer';
  const format = args.format ?? 'xlsx';
  const { document, findings, decisions } = await decidedFindings(args, 'list', warn);
  let list: IssuesList;
  try {
    list = issuesList({ document, findings, decisions, audience, acceptUndecided: args.acceptAll ?? false });
  } catch (error) {
    if (isRedlineError(error)) throw new UsageError(`${error.code}: ${error.message}`);
    throw error;
  }
  const bytes = await issuesListFile(list, format);
  const outPath = args.out ?? join(dirname(args.path), issuesListFileName(basename(args.path), audience, format));
  return { bytes, outPath, list };
}
