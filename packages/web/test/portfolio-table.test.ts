import { describe, expect, it } from 'vitest';
import { clipped, conceptPreview, conceptSummary, filterRows, sortRows } from '../src/model/portfolio-table.ts';
import type { PortfolioRow } from '../src/types.ts';

function row(name: string, payer: string, filing: number | undefined, score: number): PortfolioRow {
  return {
    id: name,
    name,
    payer,
    product: 'HMO',
    cells: { 'timely-filing-initial': filing === undefined ? { display: 'not stated', stated: false, corrected: false, worse: false, best: false } : { display: `${filing} days`, stated: true, corrected: false, rank: filing, worse: false, best: false } },
    counts: { high: 0, medium: 0, low: 0 },
    concepts: { 'prompt-pay': { high: 0, medium: 1, low: 2 }, 'audit-lookback': { high: 1, medium: 0, low: 0 } },
    decided: 0,
    total: 0,
    worseTerms: 0,
    score,
  };
}

const ROWS = [row('b.docx', 'Acme', 180, 80), row('a.docx', 'Zenith', undefined, 95), row('c.docx', 'Acme Health', 90, 60)];

describe('portfolio table', () => {
  it('sorts a term by its number, not stated last in both directions', () => {
    expect(sortRows(ROWS, { key: 'term:timely-filing-initial', descending: false }).map((r) => r.name)).toEqual(['c.docx', 'b.docx', 'a.docx']);
    expect(sortRows(ROWS, { key: 'term:timely-filing-initial', descending: true }).map((r) => r.name)).toEqual(['b.docx', 'c.docx', 'a.docx']);
    expect(sortRows(ROWS, { key: 'score', descending: true }).map((r) => r.score)).toEqual([95, 80, 60]);
    expect(sortRows(ROWS, { key: 'payer', descending: false }).map((r) => r.payer)).toEqual(['Acme', 'Acme Health', 'Zenith']);
  });

  it('filters on every word across contract, payer and product', () => {
    expect(filterRows(ROWS, 'acme').map((r) => r.name)).toEqual(['b.docx', 'c.docx']);
    expect(filterRows(ROWS, 'acme health').map((r) => r.name)).toEqual(['c.docx']);
    expect(filterRows(ROWS, '  ')).toHaveLength(3);
  });

  it('lists risks by concept, worst first', () => {
    expect(conceptSummary(ROWS[0]!)).toEqual(['audit-lookback 1 high', 'prompt-pay 1 medium, 2 low']);
  });
});

describe('conceptPreview', () => {
  const many = (n: number): PortfolioRow => ({ ...row('a', 'p', 90, 0), concepts: Object.fromEntries(Array.from({ length: n }, (_, i) => [`concept-${String(i).padStart(2, '0')}`, { high: n - i, medium: 0, low: 0 }])) });

  it('shows the worst concepts and folds the rest', () => {
    const { shown, more } = conceptPreview(many(20));
    expect(shown).toEqual(['concept-00 20 high', 'concept-01 19 high', 'concept-02 18 high']);
    expect(more).toHaveLength(17);
    expect(more[0]).toBe('concept-03 17 high');
  });

  it('folds nothing when only one line would be hidden', () => {
    expect(conceptPreview(many(4))).toEqual({ shown: conceptSummary(many(4)), more: [] });
    expect(conceptPreview(many(5)).more).toHaveLength(2);
  });
});

describe('clipped', () => {
  it('keeps a short value and cuts a long one at a word, keeping the whole for the tooltip', () => {
    expect(clipped('90 days')).toEqual({ text: '90 days' });
    const forum = 'binding arbitration administered by the American Arbitration Association under its Commercial Arbitration Rules';
    const cut = clipped(forum);
    expect(cut.full).toBe(forum);
    expect(cut.text).toBe('binding arbitration administered by the American…');
    expect(cut.text.length).toBeLessThanOrEqual(61);
  });
});
