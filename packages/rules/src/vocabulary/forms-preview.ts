/**
 * What a vocabulary entry matches, in words a rule author can check at a glance: the forms of
 * a single word ("terminate, terminates, terminated, …, termination"), or for a phrase the
 * forms of each content word joined ("bring/brings/brought/… … to an end"). The lists come
 * from the same `wordForms` the matcher uses, so the preview never promises more than it does.
 */
import { isInflected, wordForms } from './inflect.ts';

/** The preview of one entry. */
export interface EntryForms {
  /** Every form of a single-word entry, base first; absent for phrases and `{class}` entries. */
  forms?: string[];
  /** A short, readable summary of what the entry matches. */
  preview: string;
}

/** How many forms a single word lists before "…": a word has at most about a dozen. */
const WORD_FORMS_SHOWN = 8;
/** Inside a phrase each word gets fewer, so the phrase stays readable. */
const PHRASE_FORMS_SHOWN = 3;
/** Longest preview; longer ones are cut at a word boundary. */
const MAX_PREVIEW = 120;

const HYPHENS = /[-‐‑–—]/;

/** The forms of one token as the matcher sees it: `=word` exactly, a hyphenated word by its last piece. */
function tokenForms(token: string): string[] {
  if (token.startsWith('=') && token.length > 1) return [token.slice(1).toLowerCase()];
  if (/\{[a-z][a-z0-9-]*\}/.test(token)) return [token];
  const pieces = token.split(HYPHENS);
  const last = pieces.pop() ?? '';
  const head = pieces.length ? `${pieces.join('-')}-`.toLowerCase() : '';
  if (!isInflected(last)) return [token.toLowerCase()];
  return wordForms(last).map((form) => head + form);
}

function listed(forms: readonly string[], shown: number, separator: string): string {
  return forms.length > shown ? `${forms.slice(0, shown).join(separator)}${separator}…` : forms.join(separator);
}

function cut(text: string): string {
  if (text.length <= MAX_PREVIEW) return text;
  const at = text.lastIndexOf(' ', MAX_PREVIEW - 1);
  return `${text.slice(0, at > 40 ? at : MAX_PREVIEW - 1)} …`;
}

/** The forms `entry` matches, as a list (single words) and a preview line. */
export function entryForms(entry: string): EntryForms {
  const tokens = entry.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 1 && !/^\{[a-z][a-z0-9-]*\}$/.test(tokens[0]!) && tokens[0] !== '...' && tokens[0] !== '…') {
    const forms = tokenForms(tokens[0]!);
    return { forms, preview: cut(listed(forms, WORD_FORMS_SHOWN, ', ')) };
  }
  const parts = tokens.map((token) => {
    if (token === '...' || token === '…') return '…';
    if (/^\{[a-z][a-z0-9-]*\}$/.test(token)) return token;
    return listed(tokenForms(token), PHRASE_FORMS_SHOWN, '/');
  });
  return { preview: cut(parts.join(' ')) };
}
