/**
 * The `[REDACTED]` placeholder: where a redaction erased words from a PDF's text layer (a
 * payer's name blacked out) the text would otherwise read "Provider agrees that may deny", and
 * rules would take the provider for the one who denies. A placeholder item stands in the gap, so
 * the text reads "Provider agrees that [REDACTED] may deny" and the source map points at the box.
 */
import type { PdfItem } from './pdf-types.ts';

/** The token written where erased text was. */
export const REDACTED = '[REDACTED]';

// A word space as a share of the font size; the placeholder keeps this much air on each side so
// `needsSpace` writes a space (its threshold is 0.15).
const SPACE = 0.25;
// No space after an opening bracket or quote, nor before closing punctuation or a possessive:
// "(“[REDACTED]”)", "[REDACTED]'s", "[REDACTED], a Tennessee corporation".
// A straight quote opens after a space ("hereinafter "[REDACTED]") and closes before one.
const OPENS = /[([{“‘/@-]$|(?:^|\s)["']$/;
const CLOSES = /^(?:[)\]}”’,.;:!?/-]|["'](?![\p{L}\p{N}])|['’]s\b)/u;

/**
 * A placeholder item filling the horizontal range `[x0, x1)` of a line. `before` and `after`
 * are the items around it (either may be missing at a line edge), for spacing and baseline.
 */
export function placeholder(x0: number, x1: number, before: PdfItem | undefined, after: PdfItem | undefined): PdfItem {
  const ref = (before ?? after)!;
  const size = Math.min(before?.size ?? Infinity, after?.size ?? Infinity);
  const left = before && !/\s$/.test(before.str) && OPENS.test(before.str) ? 0 : SPACE * size;
  const right = after && !/^\s/.test(after.str) && CLOSES.test(after.str) ? 0 : SPACE * size;
  const x = before ? Math.max(x0, before.x + before.width) + left : x0;
  const end = after ? Math.min(x1, after.x) - right : x1;
  return { str: REDACTED, page: ref.page, x, baseline: ref.baseline, width: Math.max(0, end - x), size: ref.size, redaction: true };
}

// A sentence runs on through an erased name: the words after it start in lower case ("may deny",
// "'s", ", a corporation"), or the words before it lead into a name ("by", "of the", "and", "(").
// "EUTECTIX, LLC      LIQUIDMETAL, INC." (a signature block) or "Each Year Thereafter      The
// parties…" (a table row) do neither.
const RUNS_ON_AFTER = /^\s*(?:\p{Ll}|['’]s\b|[,;.)’”'"])/u;
const LEADS_INTO = /(?:^|\s)(?:the|a|an|of|by|to|and|or|nor|with|from|between|among|for|in|at|on|as|than|that|which|whom|whether|if|when|where|unless|until|upon|under|against|notify|contact|including|and\/or|via|behalf)\s*$|[,(“"‘]\s*$/i;

/** True when the text `before` an erased name and the text `after` it read as one running sentence. */
export function runsOn(before: string, after: string): boolean {
  return RUNS_ON_AFTER.test(after) || LEADS_INTO.test(before);
}

// Block elements (U+2580–U+259F: "█████", "▇▇▇") are what some redaction tools leave in the text
// layer; a run of two or more black squares ("■■■") too, while a single ■ is a bullet.
const BLOCK_RUN = /[\u2580-\u259f]+|\u25a0{2,}/g;

/**
 * Split an item whose text holds runs of block glyphs into the text around them and a
 * placeholder for each run, each part given its share of the item's width by character count.
 * Items without such glyphs come back as they are (one test per item).
 */
export function splitBlockGlyphs(item: PdfItem): PdfItem[] {
  if (!/[\u2580-\u259f\u25a0]/.test(item.str)) return [item];
  const out: PdfItem[] = [];
  const per = item.str.length > 0 ? item.width / item.str.length : 0;
  const part = (from: number, to: number, str: string, redaction: boolean) => {
    if (!redaction && !/\S/.test(str)) return;
    const piece: PdfItem = { ...item, str, x: item.x + from * per, width: (to - from) * per };
    if (redaction) piece.redaction = true;
    else delete piece.redaction;
    out.push(piece);
  };
  let last = 0;
  for (const match of item.str.matchAll(BLOCK_RUN)) {
    part(last, match.index, item.str.slice(last, match.index), false);
    part(match.index, match.index + match[0].length, REDACTED, true);
    last = match.index + match[0].length;
  }
  if (last === 0) return [item];
  part(last, item.str.length, item.str.slice(last), false);
  return out;
}

// A name erased from inside a run of text leaves the spaces around it: "Provider acknowledges that
// , Health and Human Services", "transactions related to 's Medicare Advantage contract". No
// typesetter puts a space before a possessive, nor before a comma after a word that leads into a
// name ("that", "by", "to", "the"), so in a document whose redactions already show, that space
// is where the name was. A comma needs that word whole before it (`(?<!\S)`), so an odd space in a
// list of names ("Eich , Mike") or after a word ending in "-the" is left alone.
const ERASED_IN_RUN = new RegExp(
  String.raw`(?:(?<=\p{Ll}|(?<!\S)(?:the|of|by|to|and|or|with|from|between|among|for|in|at|on|than|that|upon|under|against|through|outside|within|via)) (?=['’]s\b))` +
    String.raw`|(?:(?<=(?<!\S)(?:the|of|by|to|and|or|with|from|between|among|for|in|at|on|than|that|upon|under|against|through|outside|within|via)) (?=[,;]))`,
  'giu',
);

/**
 * Split an item where a name was erased from inside its text (see ERASED_IN_RUN) into the text
 * around it and a placeholder over the space it left. Only for documents already shown to be
 * redacted: the same spacing in an unredacted one is a typing slip.
 */
export function splitErasedNames(item: PdfItem): PdfItem[] {
  if (item.redaction || !/ [,;'’]/.test(item.str)) return [item];
  const per = item.str.length > 0 ? item.width / item.str.length : 0;
  const out: PdfItem[] = [];
  let last = 0;
  for (const match of item.str.matchAll(ERASED_IN_RUN)) {
    const before: PdfItem = { ...item, str: item.str.slice(last, match.index), x: item.x + last * per, width: (match.index - last) * per };
    const after: PdfItem = { ...item, str: item.str.slice(match.index + 1), x: item.x + (match.index + 1) * per, width: (item.str.length - match.index - 1) * per };
    out.push(before, placeholder(before.x + before.width, after.x, before, after));
    last = match.index + 1;
  }
  if (last === 0) return [item];
  out.push({ ...item, str: item.str.slice(last), x: item.x + last * per, width: (item.str.length - last) * per });
  return out;
}
