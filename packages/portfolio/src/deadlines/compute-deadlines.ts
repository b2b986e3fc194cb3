/**
 * The deadlines a contract's term creates, from its key terms (with the user's corrections
 * applied): the end of the current term, the last day to send non-renewal notice, and the day
 * to start renegotiating. Pure: `today` is an input. A date is only given when every term it
 * depends on is stated (or corrected); otherwise the deadline is listed as missing with the
 * fields to fill in, never guessed.
 *
 * Counting, stated once: the term runs from the effective date to the day before its
 * anniversary (a one-year term from 2027-01-01 ends 2027-12-31); an automatically renewing
 * contract rolls forward by its renewal term until the next deadline is not past; notice "N days
 * before the end of the term" is counted back from the term's last day, which gives the earlier
 * (safe) reading of "prior to expiration".
 */
import type { KeyTerm, KeyTermsReport } from '@redliner/rules';
import { addDays, addMonths, addPeriod, periodOf, periodWords, type Period } from './calendar-dates.ts';
import type { ContractDeadlines, Deadline, DeadlineOptions, MissingDeadline } from './deadline-types.ts';

/** Practice guidance: start renegotiating at least six months ahead. */
export const DEFAULT_RENEGOTIATE_MONTHS = 6;
// An evergreen contract decades old still rolls in a few hundred steps; the cap only stops a
// nonsensical input (a one-day renewal term from 1900) from spinning.
const MAX_ROLLS = 5000;

function stated(report: KeyTermsReport, id: string): KeyTerm | undefined {
  const term = report.terms.find((t) => t.id === id);
  return term?.status === 'stated' ? term : undefined;
}

function dateOf(report: KeyTermsReport, id: string): string | undefined {
  const v = stated(report, id)?.value;
  return v?.kind === 'date' ? v.date : undefined;
}

function periodTerm(report: KeyTermsReport, id: string): Period | undefined {
  const term = stated(report, id);
  const v = term?.value;
  if (v?.kind !== 'duration' || v.days === null || v.days <= 0) return undefined;
  return periodOf(v.days, term?.asWritten ?? term?.display ?? '');
}

function yesNo(report: KeyTermsReport, id: string): boolean | undefined {
  const v = stated(report, id)?.value;
  return v?.kind === 'yes-no' ? v.yes : undefined;
}

/** The first day after term `k` (0: the initial term), counted from the effective date so month-end clamping never drifts. */
function anniversary(effective: string, initial: Period, renewal: Period | undefined, k: number): string {
  if (k === 0 || !renewal) return addPeriod(effective, initial);
  if (initial.unit === 'months' && renewal.unit === 'months') return addMonths(effective, initial.count + k * renewal.count);
  return addPeriod(addPeriod(effective, initial), renewal, k);
}

const ALL_KINDS = ['term-end', 'non-renewal-notice', 'renegotiate'] as const;

/** The deadlines of the contract whose key terms are `report`. */
export function computeDeadlines(report: KeyTermsReport, options: DeadlineOptions): ContractDeadlines {
  const months = options.renegotiateMonths ?? DEFAULT_RENEGOTIATE_MONTHS;
  const { today } = options;
  const out: ContractDeadlines = { document: report.document, today, renegotiateMonths: months, deadlines: [], missing: [] };
  const effective = dateOf(report, 'effective-date');
  const initial = periodTerm(report, 'initial-term');
  const auto = yesNo(report, 'automatic-renewal');
  const renewal = periodTerm(report, 'renewal-term');
  const notice = periodTerm(report, 'non-renewal-notice');
  if (effective) out.effectiveDate = effective;
  if (auto !== undefined) out.automaticRenewal = auto;

  const missingAll = (reason: string, needs: string[]) => {
    out.missing.push(...ALL_KINDS.map((kind): MissingDeadline => ({ kind, reason, needs })));
    return out;
  };
  if (!effective) return missingAll('cannot compute: the effective date is not stated (enter it as a correction of "Effective date")', ['effective-date']);
  if (!initial) return missingAll('cannot compute: the initial term is not stated (enter it as a correction of "Initial term", e.g. "3 years")', ['initial-term']);

  const renews = auto === true && renewal !== undefined;
  const lastDay = (k: number) => addDays(anniversary(effective, initial, renewal, k), -1);
  const noticeDay = (k: number) => (notice ? addPeriod(lastDay(k), notice, -1) : undefined);
  let k = 0;
  if (renews) {
    // Roll to the first term whose next action (the notice deadline, else its end) is not past.
    while (k < MAX_ROLLS && (noticeDay(k) ?? lastDay(k)) < today) k += 1;
  }
  const end = lastDay(k);
  const from = ['effective-date', 'initial-term', ...(k > 0 ? ['automatic-renewal', 'renewal-term'] : [])];
  const counted = k === 0 ? `the initial term of ${periodWords(initial)} from the effective date ${effective}` : `the effective date ${effective}, the initial term of ${periodWords(initial)} and ${k} automatic renewal${k === 1 ? '' : 's'} of ${periodWords(renewal!)}`;
  const deadline = (d: Omit<Deadline, 'passed'>): Deadline => ({ ...d, passed: d.date < today });
  out.deadlines.push(
    deadline({
      kind: 'term-end',
      date: end,
      title: renews ? `Current term ends (renews for ${periodWords(renewal!)} unless notice is given)` : auto === true ? 'Current term ends (renews automatically)' : auto === false ? 'Contract expires' : 'Initial term ends',
      why: `Last day of ${counted}.`,
      from,
    }),
  );
  if (auto === true && !renewal && end < today) {
    out.missing.push({ kind: 'term-end', reason: 'cannot roll forward: the contract renews automatically but the renewal term is not stated (correct "Renewal term")', needs: ['renewal-term'] });
  }

  let anchor = { date: end, words: 'the end of the term' };
  const noticeDate = noticeDay(k);
  if (noticeDate && notice) {
    out.deadlines.push(deadline({ kind: 'non-renewal-notice', date: noticeDate, title: 'Last day to send non-renewal notice', why: `${periodWords(notice)} before the term's last day, ${end}.`, from: [...from, 'non-renewal-notice'] }));
    anchor = { date: noticeDate, words: 'the last day to send non-renewal notice' };
  } else if (auto !== false) {
    out.missing.push({ kind: 'non-renewal-notice', reason: 'cannot compute: the non-renewal notice period is not stated (correct "Non-renewal notice", e.g. "90 days")', needs: ['non-renewal-notice'] });
  }
  out.deadlines.push(
    deadline({ kind: 'renegotiate', date: addMonths(anchor.date, -months), title: 'Start renegotiating', why: `${months} month${months === 1 ? '' : 's'} before ${anchor.words}, ${anchor.date}.`, from: anchor.date === end ? from : [...from, 'non-renewal-notice'] }),
  );
  out.deadlines.sort((a, b) => a.date.localeCompare(b.date));
  return out;
}
