/**
 * Whitespace normalization that keeps a map back to the source characters, so that an
 * offset the rules find in normalized text still points at exact PDF items or DOCX runs.
 */

/** A piece of source text and where it came from; `source: null` for generated text (labels). */
export interface Segment<S> {
  text: string;
  source: S | null;
}

/** `[start, end)` of the normalized text is characters `[sourceOffset, sourceOffset + end - start)` of the segment's text. */
export interface MappedPiece<S> {
  start: number;
  end: number;
  source: S;
  sourceOffset: number;
}

// Word and PDF producers emit these as "spaces"; all collapse to one ASCII space.
const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
// Invisible characters that carry no meaning for a reader; U+FFFC stands for drawings and note marks in the DOCX text model.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff\ufffc]/;

/**
 * Concatenate segments, collapse whitespace runs to one space, drop invisible characters and
 * trim both ends. Returns the text and pieces that map it back to segment characters.
 */
export function normalizeSegments<S>(segments: readonly Segment<S>[]): { text: string; pieces: MappedPiece<S>[] } {
  let text = '';
  const pieces: MappedPiece<S>[] = [];
  let pendingSpace: { source: S | null; offset: number } | null = null;
  let last: { segment: number; offset: number } | null = null;

  const emit = (ch: string, segIndex: number, source: S | null, offset: number) => {
    const at = text.length;
    text += ch;
    if (source === null) {
      last = null;
      return;
    }
    const piece = pieces[pieces.length - 1];
    if (piece && last && last.segment === segIndex && last.offset === offset - 1 && piece.end === at && piece.source === source) {
      piece.end = at + 1;
    } else {
      pieces.push({ start: at, end: at + 1, source, sourceOffset: offset });
    }
    last = { segment: segIndex, offset };
  };

  segments.forEach((segment, segIndex) => {
    const chars = segment.text;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (INVISIBLE.test(ch)) continue;
      if (SPACE.test(ch)) {
        // Remember the last whitespace char of the run so the collapsed space stays contiguous with what follows.
        if (text.length > 0) pendingSpace = { source: segment.source, offset: i };
        continue;
      }
      if (pendingSpace) {
        // The collapsed space keeps its own source only when it directly precedes this char in the same segment.
        const sameSeg = pendingSpace.source === segment.source && pendingSpace.offset === i - 1;
        emit(' ', sameSeg ? segIndex : -1, sameSeg ? segment.source : null, pendingSpace.offset);
        pendingSpace = null;
      }
      emit(ch, segIndex, segment.source, i);
    }
  });
  return { text, pieces };
}

/** Collapse whitespace and trim, without a source map (for comparisons and labels). */
export function collapseWhitespace(text: string): string {
  return normalizeSegments([{ text, source: null }]).text;
}
