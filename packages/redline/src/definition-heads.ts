/**
 * How suggested language and the contract define a term: "X" means, shall mean, or has the
 * meaning (given by …). One reading for the composer (a definition replaces only the
 * definition of its term) and for the plain-words pass (a term no accepted change defines).
 */

/** The verb that makes a quoted term a definition, with the space before it. */
export const DEFINES = String.raw`\s+(?:(?:shall\s+)?means?\b|has\s+the\s+meaning\b)`;

/** A definition at the start of a text, up to its term's closing quote; group 1 is the term. */
export const DEFINITION = new RegExp(String.raw`^\s*[“"]([^”"]{2,80})[”"](?=${DEFINES})`);

/** The term `text` opens by defining, if it does. */
export function definedTerm(text: string | undefined): string | undefined {
  return text ? DEFINITION.exec(text)?.[1]?.trim() : undefined;
}

/** `term` as a regular-expression source: its characters literal, any run of spaces as `\s+`. */
export function termSource(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}
