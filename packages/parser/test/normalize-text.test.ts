import { describe, expect, it } from 'vitest';
import { collapseWhitespace, normalizeSegments } from '../src/normalize-text.ts';

describe('normalizeSegments', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };

  it('collapses whitespace, drops invisibles, trims, and maps every kept character back', () => {
    const segments = [
      { text: '  Plan\u00a0 shall pay', source: a },
      { text: ' with\u00adin\u200b 30 days ', source: b },
    ];
    const { text, pieces } = normalizeSegments(segments);
    expect(text).toBe('Plan shall pay within 30 days');
    // Every non-space character maps to the same character in its segment.
    for (const piece of pieces) {
      const segment = segments.find((s) => s.source === piece.source)!;
      for (let i = piece.start; i < piece.end; i++) {
        const ch = text[i]!;
        const src = segment.text[piece.sourceOffset + (i - piece.start)]!;
        if (ch !== ' ') expect(src).toBe(ch);
        else expect(/\s/.test(src)).toBe(true);
      }
    }
    expect(pieces.map((p) => p.source)).toContain(b);
  });

  it('gives generated text (source null) no pieces', () => {
    const { text, pieces } = normalizeSegments([{ text: '4.2 ', source: null }, { text: 'Recoupment', source: a }]);
    expect(text).toBe('4.2 Recoupment');
    expect(pieces).toEqual([{ start: 4, end: 14, source: a, sourceOffset: 0 }]);
  });

  it('collapseWhitespace handles tabs and line breaks', () => {
    expect(collapseWhitespace('\tA\n\nB  C ')).toBe('A B C');
  });
});
