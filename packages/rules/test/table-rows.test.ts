import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, textDocument } from '../src/index.ts';

const rule = ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', 'kind: presence', 'match:', '  all:', '    - phrase: without cause', '    - duration: { less-than: 90 days }', 'message: m', 'explanation: e'].join('\n');

/** A document whose blocks are the cells of a two-row, two-column table. */
function table(cells: string[][]) {
  const document = textDocument(cells.flat().join('\n\n'));
  let i = 0;
  cells.forEach((row, r) => row.forEach((_, c) => (document.blocks[i++]!.table = { table: 0, row: r, col: c })));
  document.blocks.forEach((b) => (b.kind = 'table-cell'));
  return document;
}

describe('table rows', () => {
  const { ruleset } = buildRuleset([{ file: 'r.yaml', text: rule }]);
  it('read as one unit, so a risk spread over the cells of a row is found', () => {
    const findings = analyze(table([['Termination without cause', '30 days notice'], ['Termination for cause', 'Immediate']]), ruleset).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]!.quote).toContain('30 days notice');
  });
  it('keep a replacement inside the cell with the risky words, since a tracked change cannot cross cells', () => {
    const withRedline = buildRuleset([{ file: 'r.yaml', text: `${rule}\nredline:\n  op: replace\n  text: Ninety days notice` }]).ruleset;
    const document = table([['Termination without cause', '30 days notice'], ['Termination for cause', 'Immediate']]);
    const [finding] = analyze(document, withRedline).findings;
    const cell = document.blocks[0]!;
    expect(finding!.span!.end).toBeGreaterThan(cell.end);
    expect(finding!.redline!.span).toEqual({ start: cell.start, end: cell.end });
  });
  it('do not join cells of different rows', () => {
    expect(analyze(table([['Termination without cause', 'By mutual agreement'], ['Records', '30 days']]), ruleset).findings).toHaveLength(0);
  });
});
