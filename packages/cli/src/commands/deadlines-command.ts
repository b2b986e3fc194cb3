/**
 * `redliner deadlines FILE [--set FIELD=VALUE]... [--format text|json|ics] [--renegotiate-months N] [--today DATE]`:
 * the deadlines the contract's term creates. `--set` supplies or corrects a key term the way the
 * Key terms panel does ("--set effective-date=2027-01-01 --set initial-term='3 years'"), for a
 * contract that leaves the effective date blank or states the term elsewhere.
 */
import { applyCorrections, type KeyTermsReport } from '@redliner/rules';
import { computeDeadlines, deadlinesIcs, isIsoDate, todayIso, type ContractDeadlines } from '@redliner/portfolio';
import { UsageError } from '../cli-error.ts';
import { readTermsOf } from './terms-command.ts';
import type { DeadlinesFormat } from '../command-options.ts';


/** Arguments of `deadlines`. */
export interface DeadlinesArgs {
  path: string;
  format: DeadlinesFormat;
  /** FIELD=VALUE corrections, as typed. */
  set: string[];
  renegotiateMonths?: string;
  today?: string;
  ruleset?: string;
  password?: string;
}

/** The report with the `--set` corrections applied; an unknown field or a malformed pair is a usage error. */
export function withCorrections(report: KeyTermsReport, pairs: readonly string[], at: string): KeyTermsReport {
  const corrections: Record<string, { text: string; at: string }> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes FIELD=VALUE, e.g. --set effective-date=2027-01-01 (got "${pair}")`);
    const field = pair.slice(0, eq).trim();
    if (!report.terms.some((t) => t.id === field)) throw new UsageError(`--set: no key-term field "${field}". Fields: ${report.terms.map((t) => t.id).join(', ')}`);
    corrections[field] = { text: pair.slice(eq + 1), at };
  }
  return applyCorrections(report, corrections);
}

function renderText(d: ContractDeadlines): string {
  const lines = [`Deadlines: ${d.document.name} (as of ${d.today}; renegotiate ${d.renegotiateMonths} months ahead)`, ''];
  for (const x of d.deadlines) lines.push(`${x.date}  ${x.title}${x.passed ? ' (passed)' : ''}`, `            ${x.why}`);
  // One line per reason: a missing effective date stops all three deadlines for the same cause.
  const byReason = new Map<string, { kinds: string[]; needs: string[] }>();
  for (const m of d.missing) {
    const entry = byReason.get(m.reason) ?? { kinds: [], needs: m.needs };
    entry.kinds.push(m.kind);
    byReason.set(m.reason, entry);
  }
  if (byReason.size && d.deadlines.length) lines.push('');
  for (const [reason, { kinds, needs }] of byReason) lines.push(`${kinds.join(', ')}: ${reason}. Supply it with --set ${needs[0]}=VALUE.`);
  return `${lines.join('\n')}\n`;
}

/** Compute and render the deadlines of `args.path`. */
export async function deadlinesCommand(args: DeadlinesArgs, warn: (line: string) => void): Promise<string> {
  if (args.today !== undefined && !isIsoDate(args.today)) throw new UsageError(`--today is a date written yyyy-mm-dd, e.g. 2027-01-31 (got "${args.today}")`);
  const months = args.renegotiateMonths === undefined ? undefined : Number(args.renegotiateMonths);
  if (months !== undefined && !(Number.isInteger(months) && months >= 0 && months <= 36)) throw new UsageError(`--renegotiate-months is a whole number of months from 0 to 36 (got "${args.renegotiateMonths}")`);
  const read = await readTermsOf(args, warn);
  const report = withCorrections(read, args.set, new Date().toISOString());
  const deadlines = computeDeadlines(report, { today: args.today ?? todayIso(), ...(months !== undefined ? { renegotiateMonths: months } : {}) });
  if (args.format === 'json') return `${JSON.stringify(deadlines, null, 2)}\n`;
  if (args.format === 'ics') {
    if (deadlines.deadlines.length === 0) warn(`no deadline can be dated: ${deadlines.missing[0]?.reason ?? 'nothing stated'}; the calendar is empty`);
    return deadlinesIcs([{ key: report.document.sha256 ?? report.document.name, deadlines }], { stamp: new Date(), name: `Deadlines: ${report.document.name}` });
  }
  return renderText(deadlines);
}
