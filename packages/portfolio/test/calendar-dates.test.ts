import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isIsoDate, periodOf, todayIso } from '../src/index.ts';

describe('calendar dates', () => {
  it('clamps a month-end date to the end of a shorter month, leap years included', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonths('2027-08-31', -6)).toBe('2027-02-28');
  });

  it('counts days across a leap day and across daylight-saving changes alike', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    // US DST starts 2027-03-14 and ends 2027-11-07: no day is lost or doubled.
    expect(addDays('2027-03-13', 2)).toBe('2027-03-15');
    expect(addDays('2027-11-08', -2)).toBe('2027-11-06');
  });

  it('reads normalized durations back as months when the words say months or years', () => {
    expect(periodOf(365.25, 'one (1) year')).toEqual({ unit: 'months', count: 12 });
    expect(periodOf(182.625, 'six months')).toEqual({ unit: 'months', count: 6 });
    expect(periodOf(180, 'one hundred eighty (180) days')).toEqual({ unit: 'days', count: 180 });
    // 30 business days normalize to 42 calendar days.
    expect(periodOf(42, 'thirty (30) business days')).toEqual({ unit: 'days', count: 42 });
  });

  it('knows a real date', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(todayIso(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05');
  });
});
