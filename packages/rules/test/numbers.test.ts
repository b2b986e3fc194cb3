import { describe, expect, it } from 'vitest';
import { extractDurations, parseDurationValue } from '../src/numbers/durations.ts';
import { extractMoney, extractPercents, extractYears } from '../src/numbers/quantities.ts';

const days = (text: string) => extractDurations(text).map((d) => d.days);

describe('durations', () => {
  it.each([
    ['within ninety (90) calendar days', 90],
    ['sixty days', 60],
    ['one (1) year', 365.25],
    ['one hundred eighty (180) days', 180],
    ['thirty-six (36) months', 1095.75],
    ['90 (ninety) days', 90],
    ['a 24-month period', 730.5],
  ])('reads "%s" as %f days', (text, expected) => {
    expect(days(text)).toEqual([expected]);
  });

  it('counts business days five to a week', () => {
    expect(days('45 business days')[0]).toBeCloseTo(63);
  });

  it('makes twelve months, one year and 365 days the same length within tolerance', () => {
    expect(parseDurationValue('12 months')).toBe(parseDurationValue('1 year'));
    expect(Math.abs(parseDurationValue('365 days')! - parseDurationValue('12 months')!)).toBeLessThan(1.5);
    expect(days('two months')[0]).toBeCloseTo(60.875);
  });

  it.each(['at any time', 'without limitation as to time', 'regardless of the date of payment', 'without any time limit'])('reads "%s" as unlimited', (text) => {
    expect(days(text)).toEqual([Infinity]);
  });

  it('does not read number words inside other words', () => {
    expect(days('someone days later, any day')).toEqual([]);
  });
});

describe('percentages, money and years', () => {
  it('reads percentages written as digits and as words with digits', () => {
    expect(extractPercents('110% of Medicare; one hundred percent (100%) of charges; 85 percent').map((p) => p.value)).toEqual([110, 100, 85]);
  });

  it('reads dollar amounts with commas, cents and scale words', () => {
    expect(extractMoney('$5,000.50, $2 million and 300 dollars').map((m) => m.value)).toEqual([5000.5, 2_000_000, 300]);
  });

  it('reads Medicare fee schedule years but not money or long numbers', () => {
    expect(extractYears('the 2025 Medicare Physician Fee Schedule, $2025, claim 120250').map((y) => y.value)).toEqual([2025]);
  });
});

describe('calendar deadlines with no number', () => {
  const days = (text: string) => extractDurations(text).map((d) => Math.round(d.days));
  it('read as the longest time they allow', () => {
    expect(days('Claims must be submitted by the last day of the month following the month of service.')).toEqual([61]);
    expect(days('Claims are due no later than the end of the next calendar quarter.')).toEqual([183]);
    expect(days('Claims are due by the end of the calendar quarter in which services were provided.')).toEqual([91]);
  });
  it('need a deadline word, so a reporting cycle is no duration', () => {
    expect(days('Provider shall report within 30 days after the end of each month.')).toEqual([30]);
    expect(days('At the end of the month, Plan shall reconcile payments.')).toEqual([]);
  });
});

describe('a calendar deadline counted from an earlier month', () => {
  it('needs no deadline word', () => {
    expect(extractDurations('Deadline: end of the month following the month of service').map((d) => Math.round(d.days))).toEqual([61]);
  });
});

describe('a year named by its place', () => {
  const days = (text: string) => extractDurations(text).map((d) => Math.round(d.days));
  it('reads as one year', () => {
    expect(days('Reviews reach only claims paid in the past year.')).toEqual([365]);
    expect(days('Audits cover claims paid during the year preceding the notice.')).toEqual([365]);
    expect(days('No recovery is sought after the first anniversary of payment.')).toEqual([365]);
  });
  it('is no period when it names a part of the year', () => {
    expect(days('Rates rise in the last year of the term.')).toEqual([]);
  });
});

