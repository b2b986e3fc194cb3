import { describe, expect, it } from 'vitest';
import { citePage, describePlace } from '../src/analysis/place.ts';

describe('citePage and describePlace', () => {
  it('cite the page as printed, with the PDF page beside it where the two differ', () => {
    expect(citePage({ page: 14, printedPage: '12' })).toBe('page 12 (PDF page 14)');
    expect(citePage({ page: 3 }, 'p.')).toBe('p. 3');
    expect(citePage({ section: 'ARTICLE 5 TERM' })).toBeUndefined();
  });

  it('name the section, the clause where the heading does not, and the page', () => {
    expect(describePlace({ section: '8.4 Immediate Termination', label: '8.4.1', page: 10, printedPage: '9' })).toBe('8.4 Immediate Termination, clause 8.4.1, page 9 (PDF page 10)');
    expect(describePlace({ section: '8.4 Immediate Termination', label: '8.4' })).toBe('8.4 Immediate Termination');
    expect(describePlace({})).toBe('');
  });
});
