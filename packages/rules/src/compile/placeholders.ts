/**
 * `{payer}` and `{provider}` placeholders. In patterns and phrases they become a word-bounded
 * alternation of the contract's party terms (longest first, so "Health Plan" wins over
 * "Plan"); in messages and redlines they become the contract's own term or name.
 */
import type { Parties } from '@redliner/parser';
import { CONTRACT_TERM_PLACEHOLDERS } from '../analysis/contract-terms.ts';
import { GAP_WORDS, gapOf } from '../vocabulary/phrase-source.ts';

/** Placeholders a pattern or phrase may use. */
export const PATTERN_PLACEHOLDERS = ['payer', 'provider'] as const;
/** Placeholders a redline text may use: the parties, and the contract's own terms (contract-terms.ts). */
export const TEXT_PLACEHOLDERS = ['payer', 'provider', 'payer-name', 'provider-name', ...CONTRACT_TERM_PLACEHOLDERS] as const;
/** Placeholders a message may use. */
export const MESSAGE_PLACEHOLDERS = [...TEXT_PLACEHOLDERS, 'quote'] as const;

// `{name}` not preceded by a backslash; regex quantifiers ("{2,3}") start with a digit and never match.
const PLACEHOLDER = /(?<!\\)\{([a-z][a-z-]*)\}/g;

/** A placeholder found in a string, with its offset in that string. */
export interface PlaceholderUse {
  name: string;
  index: number;
}

/** Every `{name}` in `text`. */
export function findPlaceholders(text: string): PlaceholderUse[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1]!, index: m.index }));
}

/** True when `text` contains a placeholder. */
export function hasPlaceholder(text: string): boolean {
  return findPlaceholders(text).length > 0;
}

const GENERIC_TERMS = { payer: ['Plan', 'Payer', 'Payor'], provider: ['Provider', 'Group'] };

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** Regex source matching any of `terms` as whole words, longest first. */
export function termsAlternation(terms: readonly string[]): string {
  const sorted = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const parts = sorted.map((term) => {
    // "Acme Health Plan, Inc.": the closing period is optional, so the term also ends a phrase
    // ("... which {payer}") where a word boundary must follow the name, and still takes its
    // period in "Acme Health Plan, Inc. may".
    const abbreviated = /\w\.$/.test(term);
    const stem = abbreviated ? term.slice(0, -1) : term;
    const body = escapeRegex(stem).replace(/\s+/g, '\\s+');
    const open = /^\w/.test(term) ? '\\b' : '';
    const close = abbreviated ? '\\b\\.?' : /\w$/.test(term) ? '\\b' : '';
    return `${open}${body}${close}`;
  });
  return `(?:${parts.join('|')})`;
}

/** The terms for each role, falling back to generic ones when the parser found none. */
export function partyTerms(parties: Parties): { payer: string[]; provider: string[] } {
  return {
    payer: parties.payer.terms.length ? parties.payer.terms : GENERIC_TERMS.payer,
    provider: parties.provider.terms.length ? parties.provider.terms : GENERIC_TERMS.provider,
  };
}

/** A key identifying the party terms, for caching per-contract compiled patterns. */
export function partiesKey(parties: Parties): string {
  const terms = partyTerms(parties);
  return `${terms.payer.join('\u0000')}\u0001${terms.provider.join('\u0000')}`;
}

/**
 * What phrases compile `{payer}'s` / `{provider}'s` to (phrase-source.ts): the party's term
 * with "'s", or a possessive pronoun. Accepted in patterns too.
 */
export const POSSESSIVE_PLACEHOLDERS = ['payer-possessive', 'provider-possessive'] as const;

/** Prefix of the named group around a possessive pronoun: `pp_payer_0`, `pp_provider_1`. */
export const POSSESSIVE_GROUP = /^pp_(payer|provider)_\d+$/;
const POSSESSIVE_PRONOUNS = String.raw`\b(?:its|their|our|your)\b`;

/**
 * Replace `{payer}`/`{provider}` in a regex source with the party alternations, and
 * `{payer-possessive}` with the payer's terms and "'s" or, in a named group (`pp_payer_N`), a
 * possessive pronoun, which holds only where it stands for that party (possessive-hits.ts).
 */
export function resolvePatternPlaceholders(source: string, parties: Parties): string {
  const terms = partyTerms(parties);
  let groups = 0;
  return source.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === 'payer') return termsAlternation(terms.payer);
    if (name === 'provider') return termsAlternation(terms.provider);
    const side = name === 'payer-possessive' ? 'payer' : name === 'provider-possessive' ? 'provider' : null;
    if (!side) return whole;
    return `(?:${termsAlternation(terms[side])}['’‘]s|(?P<pp_${side}_${groups++}>${POSSESSIVE_PRONOUNS}))`;
  });
}

/** The contract's party terms of more than one word ("Great Plains Community Care, LLC", "Health Plan"). */
export function multiWordPartyTerms(parties: Parties): string[] {
  const terms = partyTerms(parties);
  return [...terms.payer, ...terms.provider].filter((term) => /\s/.test(term.trim()));
}

/** True when some `...` gap of `source` reads differently with these long names (`widenGaps`). */
export function gapsWiden(source: string, longNames: readonly string[]): boolean {
  return longNames.length > 0 && source.includes(GAP_WORDS);
}

/**
 * A `...` gap counts a party's name as one word, as it counts "Plan": "dispute any decision of
 * Great Plains Community Care, LLC within" is the same phrase as "dispute any decision of Plan
 * within", and a long legal name must not use up the gap that a short term leaves room in.
 * `longNames` are the contract's multi-word party terms (`multiWordPartyTerms`).
 */
export function widenGaps(source: string, longNames: readonly string[]): string {
  if (!gapsWiden(source, longNames)) return source;
  return source.split(GAP_WORDS).join(gapOf(`(?:${termsAlternation(longNames)}|[^\\s;]+)`));
}

/** Whether a leaf source holds a possessive placeholder (its matches need a pronoun check). */
export function hasPossessivePlaceholder(source: string): boolean {
  return source.includes('-possessive}');
}

/** Values for text placeholders: the contract's first defined term and the legal name. */
export function textValues(parties: Parties): Record<string, string> {
  const terms = partyTerms(parties);
  const payer = terms.payer[0]!;
  const provider = terms.provider[0]!;
  return { payer, provider, 'payer-name': parties.payer.name ?? payer, 'provider-name': parties.provider.name ?? provider };
}

const SENTENCE_START = /(?:^|[.!?]["”’)]?\s+)$/;

/**
 * Fill `{name}` placeholders from `values`; unknown names are left as written. A value that
 * starts a sentence starts with a capital ("covered services for which…" → "Covered services…").
 */
export function fillText(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string, at: number) => {
    const value = values[name];
    if (value === undefined) return whole;
    return SENTENCE_START.test(text.slice(0, at)) ? capitalised(value) : value;
  });
}

const capitalised = (value: string) => value.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
