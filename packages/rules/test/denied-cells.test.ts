import { describe, expect, it } from 'vitest';
import { analyze, buildRuleset, textDocument } from '../src/index.ts';
import { deniedCells, outsideCells } from '../src/analysis/denied-cells.ts';

const whole = (text: string) => ({ start: 0, end: text.length });
const cut = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('deniedCells', () => {
  it('finds a label answered with a denial, by colon or bar', () => {
    const text = 'Leasing of rates: not permitted; Carrier members only | Outside payors | none';
    const cells = deniedCells(text, whole(text));
    expect(cells.map((c) => [cut(text, c.label), cut(text, c.answer)])).toEqual([
      ['Leasing of rates', 'not permitted'],
      ['Outside payors', 'none'],
    ]);
  });
  it('takes no quantifier or affirmative answer for a denial', () => {
    for (const text of ['The following applies: none of the parties may assign.', 'Rate changes: yes, on notice.', 'Rate changes: no later than 30 days after notice.']) {
      expect(deniedCells(text, whole(text))).toEqual([]);
    }
  });
  it('leaves the parts outside the cells', () => {
    const text = 'Access: none; Carrier may sell the network.';
    expect(outsideCells(whole(text), deniedCells(text, whole(text))).map((s) => cut(text, s))).toEqual(['; Carrier may sell the network.']);
  });
});

describe('rules and denied cells', () => {
  // `match` is `phrase: ...` or `pattern: ...`, as a rule author writes it.
  const rule = (kind: 'presence' | 'absence', match: string) =>
    buildRuleset([{ file: 'r.yaml', text: ['id: r', 'concept: c', 'title: T', 'severity: low', 'scope: sentence', `kind: ${kind}`, 'match:', `  ${match}`, 'message: m', 'explanation: e'].join('\n') }]).ruleset;
  const found = (kind: 'presence' | 'absence', phrase: string, text: string) =>
    analyze(textDocument(text, { payer: ['Carrier'] }), rule(kind, phrase.includes(': ') ? phrase : `phrase: '${phrase}'`)).findings.length;
  it('does not flag a risk named only in a label answered "none"', () => {
    expect(found('presence', 'outside access', 'Outside access to the rates: none.')).toBe(0);
    expect(found('presence', 'outside access', 'Outside access to the rates: permitted.')).toBe(1);
  });
  it('still flags the risk stated outside the denied cell', () => {
    expect(found('presence', 'outside access', 'Leasing: none; outside access is open to every payor.')).toBe(1);
  });
  it('leaves a rule that reads the answer itself', () => {
    expect(found('presence', "pattern: 'limit:\\s*none'", 'Lookback limit: none.')).toBe(1);
  });
  it('does not count a protection named only in a denied label', () => {
    expect(found('absence', 'interest on late', 'Interest on late claims: not applicable.')).toBe(1);
    expect(found('absence', 'interest on late', 'Interest on late claims: 12 percent a year.')).toBe(0);
  });
});
