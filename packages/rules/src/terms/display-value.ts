/**
 * Normalized values in plain words, and a user's typed correction read back into a value with
 * the same number readers the rules use ("120 days", "four months", "110%", "Jan 1, 2026").
 */
import { extractDurations } from '../numbers/durations.ts';
import { extractMoney, extractPercents, extractYears } from '../numbers/quantities.ts';
import { parseDateValue } from './dates.ts';
import type { TermValue } from './key-term-types.ts';
import type { TermReadKind } from './term-schema.ts';

const MONTH_DAYS = 365.25 / 12;
const near = (a: number, b: number) => Math.abs(a - b) < 0.01;
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "90 days", "12 months", "1 year", "45 business days", "no limit". */
export function durationWords(days: number | null, asWritten = ''): string {
  if (days === null) return 'no limit';
  const business = /business|working/i.test(asWritten);
  if (business) return `${plural(Math.round((days * 5) / 7), 'business day')}`;
  if (/year/i.test(asWritten) && near(days / 365.25, Math.round(days / 365.25))) return plural(Math.round(days / 365.25), 'year');
  if (/month|year/i.test(asWritten) && near(days / MONTH_DAYS, Math.round(days / MONTH_DAYS))) return plural(Math.round(days / MONTH_DAYS), 'month');
  if (/week/i.test(asWritten)) return plural(Math.round(days / 7), 'week');
  return plural(Math.round(days * 100) / 100, 'day');
}

const SCHEDULE_WORDS: Record<string, string> = { medicare: 'Medicare', medicaid: 'Medicaid', 'billed-charges': 'billed charges', 'fee-schedule': 'the payer\'s fee schedule' };

/** The normalized value in plain words. */
export function displayValue(value: TermValue, asWritten = ''): string {
  switch (value.kind) {
    case 'duration':
      return durationWords(value.days, asWritten);
    case 'percent':
      return `${value.percent}%`;
    case 'money':
      return `$${value.dollars.toLocaleString('en-US')}`;
    case 'date':
      return value.date;
    case 'yes-no':
      return value.yes ? 'Yes' : 'No';
    case 'text':
      return value.text;
    case 'parties':
      return [value.payer && `Payer: ${value.payer}`, value.provider && `Provider: ${value.provider}`].filter(Boolean).join('; ') || 'not named';
    case 'list':
      return value.items.join('; ');
    case 'rate': {
      const base = value.percent !== undefined ? `${value.percent}% of ${SCHEDULE_WORDS[value.schedule ?? ''] ?? 'a fee schedule'}` : SCHEDULE_WORDS[value.schedule ?? ''] ?? 'a fee schedule';
      return `${base}${value.year ? ` (${value.year})` : ''}${value.lesserOfCharges ? ', or billed charges if less' : ''}`;
    }
  }
}

/** Which fee schedule a clause prices by. */
export function scheduleOf(text: string): string | undefined {
  if (/\bmedicare\b|\bCMS\b|\bRBRVS\b/i.test(text)) return 'medicare';
  // A state's Medicaid program by its own name, or a waiver program under section 1915 of the
  // Social Security Act (home and community based services), is Medicaid.
  if (/\bmedicaid\b|\b1915\s*\(\s*[bci]\s*\)|\bwaivers?\s+rates?\b|\bTennCare\b|\bMedi-Cal\b|\bApple Health\b|\bMassHealth\b|\bmedical assistance program\b/i.test(text)) return 'medicaid';
  if (/\bfee schedule|\bcompensation schedule/i.test(text)) return 'fee-schedule';
  if (/\bbilled charges?\b|\bfull charges?\b|\busual and customary\b/i.test(text)) return 'billed-charges';
  return undefined;
}

/** A typed correction read as a value of `kind`; null when the text does not read as one (then kept as text). */
export function valueFromText(kind: TermReadKind, text: string): TermValue | null {
  const t = text.trim();
  switch (kind) {
    case 'duration': {
      if (/^(?:none|no limit|unlimited|any time)$/i.test(t)) return { kind, days: null, unlimited: true };
      const hit = extractDurations(t)[0];
      return hit ? { kind, days: Number.isFinite(hit.days) ? hit.days : null, unlimited: !Number.isFinite(hit.days) } : null;
    }
    case 'percent': {
      const hit = extractPercents(t)[0] ?? (/^\d+(?:\.\d+)?$/.test(t) ? { value: Number(t) } : undefined);
      return hit ? { kind, percent: hit.value } : null;
    }
    case 'money': {
      const hit = extractMoney(t)[0];
      return hit ? { kind, dollars: hit.value } : null;
    }
    case 'date': {
      const date = parseDateValue(t);
      return date ? { kind, date } : null;
    }
    case 'yes-no':
      if (/^(?:yes|y|true|automatic)$/i.test(t)) return { kind, yes: true };
      if (/^(?:no|n|false|none)$/i.test(t)) return { kind, yes: false };
      return null;
    case 'rate': {
      const percent = extractPercents(t)[0]?.value;
      const year = extractYears(t)[0]?.value;
      const schedule = scheduleOf(t);
      const value: TermValue = { kind, lesserOfCharges: /lesser|less/i.test(t) };
      if (percent !== undefined) value.percent = percent;
      if (year !== undefined) value.year = year;
      if (schedule) value.schedule = schedule;
      return value;
    }
    case 'list': {
      const items = t.split(/\s*(?:[;,\n]|\band\b)\s*/i).map((x) => x.trim()).filter(Boolean);
      return items.length ? { kind, items } : null;
    }
    case 'text':
    case 'parties':
      return { kind: 'text', text: t };
  }
}
