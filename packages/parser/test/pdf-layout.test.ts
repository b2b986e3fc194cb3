import { describe, expect, it } from 'vitest';
import { extractPdf } from '../src/pdf/extract-pdf.ts';
import { blockWith, fixture } from './pdf-helpers.ts';

describe('extractPdf: layout', () => {
  it('reads the left column before the right one', async () => {
    const raw = await extractPdf(fixture('two-column.pdf'), { name: 'two-column.pdf' });
    const left = blockWith(raw.blocks, 'Left column starts here');
    const right = blockWith(raw.blocks, 'Right column starts here');
    expect(left.text).toContain('left column ends here.');
    expect(left.text).not.toContain('right sentence');
    expect(right.text).toContain('right sentence 10 keeps on going right column ends here.');
    expect(raw.blocks.indexOf(left)).toBeLessThan(raw.blocks.indexOf(right));
    expect(raw.blocks[0]).toMatchObject({ kind: 'heading', text: 'TWO COLUMN NOTICE' });
  });

  it('finds the gutter below a full-width title block even when column baselines differ', async () => {
    const raw = await extractPdf(fixture('two-column-under-title.pdf'), { name: 'two-column-under-title.pdf' });
    const left = blockWith(raw.blocks, 'Left column opens');
    const right = blockWith(raw.blocks, 'Right column opens');
    expect(left.text).toContain('left column closes here.');
    expect(left.text).not.toContain('right clause');
    expect(right.text).toContain('right clause 12 continues onward right column closes here.');
    expect(raw.blocks.indexOf(left)).toBeLessThan(raw.blocks.indexOf(right));
  });

  it('keeps wrapped table cells whole, in row-major order', async () => {
    const raw = await extractPdf(fixture('table.pdf'), { name: 'table.pdf' });
    const cells = raw.blocks.filter((b) => b.kind === 'table-cell');
    expect(cells.map((c) => c.text)).toEqual([
      'CPT',
      'Description',
      'Rate',
      '80048',
      'Basic metabolic panel',
      '100% of the 2025 Medicare Clinical Laboratory Fee Schedule amount',
      '85025',
      'Complete blood count with differential',
      '$7.25',
    ]);
    expect(cells[5]!.table).toEqual({ table: 0, row: 1, col: 2 });
    expect(blockWith(raw.blocks, 'Rates above are maximum').kind).toBe('paragraph');
    expect(raw.blocks[0]).toMatchObject({ kind: 'heading', label: 'EXHIBIT A' });
  });
});
