/**
 * Turns a phrase ("{payer} may {terminate} ... agreement") into an RE2 source that is safe by
 * construction: every character is literal except
 * - content words, which match their inflections (inflect.ts); `=word` matches as written;
 * - `{class}`, which matches any entry of that vocabulary class (vocabulary.ts);
 * - `{payer}` / `{provider}`, kept for per-contract resolution; `{payer}'s` becomes
 *   `{payer-possessive}`, which also reads "its", "our", "their" standing for that party;
 * - `...`, a gap of up to six words within the clause (never across a semicolon);
 * - the space between two words, which also lets an article or determiner in ("terminate
 *   agreement" finds "terminate this Agreement") and reads a hyphen alone, so an open compound
 *   finds its hyphenated spelling ("prompt payment statute" finds "prompt-payment statute");
 * - hyphens, which also match a space or nothing ("set-off", "set off", "setoff"), and
 *   apostrophe and quote styles.
 * The phrase is bounded by whole words.
 */
import { isFunctionWord, isInflected, wordForms } from './inflect.ts';

const POSSESSIVE_PLACEHOLDERS: readonly string[] = ['payer-possessive', 'provider-possessive'];

const HYPHEN_OR_SPACE = '[-‐‑–—\\s]?';
/** A hyphen or dash joining two words. */
const HYPHEN = '[-‐‑–—]';
const APOSTROPHES = "['’‘]";
const QUOTES = '["“”]';
const DETERMINERS = '(?:the|an?|th(?:is|at)|s(?:uch|aid)|its|their|our|your|h(?:is|er)|a(?:ny|ll)|e(?:ach|very))';
/**
 * Between two words: whitespace, optionally an article or determiner; a closing quote or
 * parenthesis may end the first word (`"Products" means`, `'Products' means`, `(the "Plan") may`).
 */
const WORD_GAP = `["'”’)\\]]?(?:\\s+(?:${DETERMINERS}\\s+)?|${HYPHEN})`;
/** Between two words where no article may stand: whitespace, or a hyphen joining them. */
const PLAIN_GAP = `(?:\\s+|${HYPHEN})`;
/**
 * The words a `...` gap may skip, as its source spells them: per contract, a party's name of
 * several words counts as one of them (placeholders.ts, `widenGaps`).
 */
export const GAP_WORDS = gapOf('[^\\s;]+');

/** A `...` gap of up to six of `word` (a regex source), each followed by white space. */
export function gapOf(word: string): string {
  return `(?:${word}\\s+){0,6}?`;
}
/**
 * `...`: up to six words (commas and parentheses allowed, semicolons not). Punctuation stuck to
 * the word before the gap does not stop it ("in its discretion, pay interest"), nor does a
 * possessive ending: "{payer} ... {terminate}" reads "Plan's right to terminate" as it reads
 * "Plan has the right to terminate", the "'s" being part of the word it ends.
 */
const ELLIPSIS_GAP = `(?:${APOSTROPHES}s?)?[,:)"”’\\]]*\\s+${GAP_WORDS}`;
const PLACEHOLDER_PART = /(\{[a-z][a-z0-9-]*\})/;

/** Expands `{name}` for a vocabulary class into a regex group; returns null for party placeholders. */
export type ClassExpander = (name: string) => string | null;

function escapeChar(ch: string): string {
  if (/['’‘]/.test(ch)) return APOSTROPHES;
  if (/["“”]/.test(ch)) return QUOTES;
  return ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

function trieSource(node: TrieNode): string {
  const branches = [...node.next].map(([token, child]) => token + trieSource(child));
  if (branches.length === 0) return '';
  const group = branches.length === 1 && branches[0]!.length <= 1 ? branches[0]! : `(?:${branches.join('|')})`;
  if (!node.end) return branches.length === 1 ? branches[0]! : group;
  return `${group}?`;
}

/**
 * Regex source for a list of literal forms, factored by shared prefixes
 * ("terminat(?:e(?:s|d)?|ing|ion(?:s)?)"): each form is spelled once, so a class of a hundred
 * words stays a small pattern. The optional tails are greedy, so the longest form is preferred.
 */
export function formsAlternation(forms: readonly string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const form of new Set(forms)) {
    let node = root;
    for (const token of [...form].map(escapeChar)) {
      let child = node.next.get(token);
      if (!child) node.next.set(token, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const source = trieSource(root);
  // One group, like the flat alternation it replaces, so a caller may quantify it.
  return root.next.size > 1 || !source.includes('(') ? source : `(?:${source})`;
}

function literalText(text: string, exact: boolean): string {
  // Hyphenated words: each piece is a word of its own; only the last one inflects ("non-renewal").
  const pieces = text.split(/[-‐‑–—]/);
  return pieces
    .map((piece, i) => {
      if (piece === '') return '';
      const last = i === pieces.length - 1;
      if (!exact && last && isInflected(piece)) return formsAlternation(wordForms(piece));
      return [...piece].map(escapeChar).join('');
    })
    .join(HYPHEN_OR_SPACE);
}

// "{payer}'s": the party's possessive, which a contract also writes "its", "our", "their".
const PARTY_POSSESSIVE = /\{(payer|provider)\}['’]s(?![\p{L}\d])/gu;

function tokenSource(token: string, expand: ClassExpander): string {
  const exact = token.startsWith('=') && token.length > 1;
  // `{payer-possessive}` stays a placeholder: resolved per contract, checked against the party
  // mentions after matching (placeholders.ts, possessive-hits.ts).
  const body = (exact ? token.slice(1) : token).replace(PARTY_POSSESSIVE, '{$1-possessive}');
  return body
    .split(PLACEHOLDER_PART)
    .map((part, i) => {
      if (i % 2 === 0) return literalText(part, exact);
      const name = part.slice(1, -1);
      return POSSESSIVE_PLACEHOLDERS.includes(name) ? part : (expand(name) ?? part);
    })
    .join('');
}

function takesArticle(token: string): boolean {
  const word = token.replace(/^=/, '');
  return word.includes('{') || !isFunctionWord(word.split(/[-‐‑–—]/)[0] ?? '');
}

/** True when the token is only a placeholder or literal that starts/ends with a word character. */
const wordEdge = (s: string, at: 'start' | 'end') => (at === 'start' ? /^=?[\w{]/.test(s) : /[\w}]$/.test(s));

/** Regex source for `phrase`. `expand` resolves vocabulary classes; party placeholders stay. */
export function phraseSource(phrase: string, expand: ClassExpander = () => null): string {
  const tokens = phrase.trim().split(/\s+/).filter(Boolean);
  let body = '';
  let pendingGap: string | null = null;
  for (const token of tokens) {
    if (token === '...' || token === '…') {
      pendingGap = ELLIPSIS_GAP;
      continue;
    }
    // An article can only stand before a content word, a class or a party ("terminate this
    // Agreement"), never before "not" or "to"; leaving it out there keeps patterns small.
    if (body) body += pendingGap ?? (takesArticle(token) ? WORD_GAP : PLAIN_GAP);
    pendingGap = null;
    body += tokenSource(token, expand);
  }
  const words = tokens.filter((t) => t !== '...' && t !== '…');
  if (words.length === 0) return body;
  const open = wordEdge(words[0]!, 'start') ? '\\b' : '';
  const close = wordEdge(words[words.length - 1]!, 'end') ? '\\b' : '';
  return `${open}${body}${close}`;
}
