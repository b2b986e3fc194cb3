import { describe, expect, it } from 'vitest';
import { dueWords, formatDay, missingReasons, urgency } from '../src/model/deadlines.ts';

describe('deadline words', () => {
  it('shows the calendar day itself in any time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(formatDay('2028-02-29')).toBe('29 Feb 2028');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('counts days to the deadline and ranks how soon it is', () => {
    expect(dueWords('2027-03-01', '2027-02-28')).toBe('tomorrow');
    expect(dueWords('2028-03-01', '2028-02-28')).toBe('in 2 days');
    expect(dueWords('2027-01-01', '2027-01-04')).toBe('3 days ago');
    expect(urgency('2027-01-01', '2027-01-04')).toBe('passed');
    expect(urgency('2027-01-20', '2027-01-04')).toBe('soon');
    expect(urgency('2027-05-20', '2027-01-04')).toBe('coming');
    expect(urgency('2028-05-20', '2027-01-04')).toBe('later');
  });

  it('says each missing input once', () => {
    const reason = 'cannot compute: the effective date is not stated (enter it)';
    expect(missingReasons([{ kind: 'term-end', reason, needs: [] }, { kind: 'renegotiate', reason, needs: [] }])).toEqual(['the effective date is not stated (enter it)']);
  });
});
