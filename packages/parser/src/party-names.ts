/**
 * How contracts write a party's name: a legal name ("Northstar Health Plan, Inc."), a blank left
 * where a name was removed ("__________", "[REDACTED]", a black box), and the short form the
 * body then uses for the party ("Northstar"). Pure text functions used by party detection.
 */

/** A blank standing for a name: underscores, "[REDACTED]", "[______]", "[***]", "[Name]", box glyphs. */
export const BLANK_SOURCE = String.raw`_{3,}|\[\s*(?:REDACTED|Redacted|redacted|BLANK|blank|NAME|Name|_{2,}|\*+)\s*\]|[█■▇]+`;
const BLANK_AT_START = new RegExp(`^(?:${BLANK_SOURCE})`);

// A legal suffix after a comma: "Lakeside Clinic, P.A.", "CASCADE VALLEY HEALTH PLAN, INC.".
const SUFFIX = String.raw`(?:Inc|INC|Corp|CORP|Co|CO|Ltd|LTD|L\.?L\.?C|LLC|L\.?L\.?P|LLP|L\.?P|LP|P\.?A|PA|P\.?C|PC|PLLC|PLC|N\.A|M\.D|D\.O)\.?`;
// A capitalised word of a name, possibly with inner punctuation ("St.", "Blue-Cross", "O'Neil", "A&B").
const WORD = String.raw`(?:[\p{Lu}0-9][\p{L}0-9&'’.\-]*)`;
// Small words a name may hold between capitalised words ("Bank of the West", "Smith d/b/a Care").
const LINK = String.raw`(?:of|the|for|de|del|la|and|&|d\/b\/a|dba)`;
const NAME = new RegExp(`^${WORD}(?:\\s+(?:${LINK}\\s+)*${WORD})*(?:,?\\s+${SUFFIX})*`, 'u');
// Words too generic to serve as a short name for one party.
const GENERIC_WORDS = /^(?:the|health|plan|plans|care|medical|group|services?|network|company|insurance|center|hospital|clinic|provider|physicians?|associates|partners|national|american|united|community|regional|state|county|inc|llc|corp)$/i;

/** The blank at the start of `text` ("[REDACTED], a Texas corporation…"), or null. */
export function blankAtStart(text: string): string | null {
  return BLANK_AT_START.exec(text)?.[0] ?? null;
}

/** True when the whole of `text` (ignoring punctuation and spaces around it) is a blank. */
export function isBlank(text: string): boolean {
  const trimmed = text.replace(/^[\s,;:"“”(]+|[\s,;:"“”)]+$/g, '');
  const blank = blankAtStart(trimmed);
  return blank !== null && blank.length === trimmed.length;
}

/**
 * The legal name at the start of `text`: capitalised words with the small words between them
 * and a trailing legal suffix ("Northstar Health Plan, Inc., a Minnesota corporation" →
 * "Northstar Health Plan, Inc."). Null when the text does not start with a capitalised word.
 * An "and" inside a name is kept only between capitalised words ("Johnson and Johnson"); the
 * caller splits party lists before calling this.
 */
export function legalNameAt(text: string): string | null {
  const match = NAME.exec(text.trimStart());
  if (!match) return null;
  const name = match[0].replace(/\s+(?:of|the|for|de|del|la|and|&)$/i, '').replace(/[\s,]+$/, '');
  return name.length >= 3 ? name : null;
}

/** `name` without its legal suffixes and a leading "The" ("The Northstar Health Plan, Inc." → "Northstar Health Plan"). */
export function baseName(name: string): string {
  return name
    .replace(new RegExp(`(?:,?\\s+${SUFFIX})+$`, 'u'), '')
    .replace(/^the\s+/i, '')
    .trim();
}

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/**
 * Times `term` is used on its own in `text`: as written (case-sensitive), as a whole word, and
 * not as the start of a longer capitalised phrase ("Northstar" in "Northstar shall pay" counts;
 * in "Northstar Health Plan" it does not).
 */
export function standaloneUses(text: string, term: string): number {
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escape(term)}(?![\\p{L}\\p{N}_])(?!\\s+\\p{Lu}\\p{Ll})`, 'gu');
  return (text.match(re) ?? []).length;
}

/**
 * The short forms of a company name the body uses for the party, most used first: the name
 * without its suffix ("Northstar Health Plan"), then its leading words ("Northstar Health",
 * "Northstar"), each counted where it stands alone. Generic words ("Health", "Plan") never
 * stand for one party on their own. At least `min` uses are needed.
 */
export function shortNamesUsed(name: string, body: string, min = 2): string[] {
  const words = baseName(name).split(/\s+/);
  const forms: string[] = [];
  for (let n = words.length; n >= 1; n--) {
    const form = words.slice(0, n).join(' ');
    if (n === 1 && GENERIC_WORDS.test(form)) continue;
    if (/^(?:of|the|for|and|&)$/i.test(words[n - 1]!)) continue;
    forms.push(form);
  }
  return forms
    .map((form) => ({ form, uses: standaloneUses(body, form) }))
    .filter((f) => f.uses >= min)
    .sort((a, b) => b.uses - a.uses)
    .map((f) => f.form);
}
