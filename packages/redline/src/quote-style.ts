/**
 * New text follows the contract's quote style: a contract typed with curly quotes gets “…”
 * and ’ in the inserted language too, a plain-quote contract gets " and '. Rules write their
 * redlines in either style, so the text is converted to whatever the document uses most.
 */

/** The quote style a document uses most, per kind of quote (null: the document has none). */
export interface QuoteStyle {
  double: 'curly' | 'straight' | null;
  single: 'curly' | 'straight' | null;
}

const count = (re: RegExp, s: string) => s.match(re)?.length ?? 0;

function prefer(curly: number, straight: number): 'curly' | 'straight' | null {
  if (curly === 0 && straight === 0) return null;
  return curly >= straight ? 'curly' : 'straight';
}

/** Which quotes `text` uses: double quotes, and apostrophes/single quotes, counted separately. */
export function quoteStyleOf(text: string): QuoteStyle {
  return {
    double: prefer(count(/[“”]/g, text), count(/"/g, text)),
    single: prefer(count(/[‘’]/g, text), count(/'/g, text)),
  };
}

/** `text` with its quotes in `style`; an opening quote follows a space, a bracket or the start. */
export function inQuoteStyle(text: string, style: QuoteStyle): string {
  let out = text;
  if (style.double === 'curly') out = out.replace(/"/g, (_q, at: number) => (opens(out, at) ? '“' : '”'));
  else if (style.double === 'straight') out = out.replace(/[“”]/g, '"');
  if (style.single === 'curly') out = out.replace(/'/g, (_q, at: number) => (opens(out, at) && !/^\d/.test(out[at + 1] ?? '') ? '‘' : '’'));
  else if (style.single === 'straight') out = out.replace(/[‘’]/g, "'");
  return out;
}

function opens(text: string, at: number): boolean {
  return at === 0 || /[\s([{\u2014\u2013-]/.test(text[at - 1]!);
}
