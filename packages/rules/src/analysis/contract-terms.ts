/**
 * The contract's own names for the things suggested language talks about: its services term
 * ("Covered Services", "Behavioral Health Services"), its member term ("Member", "Enrollee",
 * "Covered Person"), where its rates are ("Exhibit B", "the Compensation Schedule"), where
 * its products are listed, its first term ("the Initial Term") and what it calls its attached
 * parts ("Exhibits", "Attachments"). Suggested language written with `{services}`, `{member}`,
 * `{members}`, `{rate-schedule}`, `{product-list}`, `{initial-term}` and `{attachments}` then reads in the contract's terms, and
 * where the contract has no such term it falls back to plain lower-case words that do not
 * pretend to be a defined term or an exhibit the contract lacks.
 */

/** Values for the contract-term placeholders. */
export interface ContractTerms {
  services: string;
  member: string;
  members: string;
  'rate-schedule': string;
  'product-list': string;
  'initial-term': string;
  attachments: string;
}

/** The contract-term placeholders a redline or message may use. */
export const CONTRACT_TERM_PLACEHOLDERS = ['services', 'member', 'members', 'rate-schedule', 'product-list', 'initial-term', 'attachments'] as const;

/** What each placeholder reads when the contract has no term for it. */
export const CONTRACT_TERM_DEFAULTS: ContractTerms = {
  services: 'covered services',
  member: 'member',
  members: 'members',
  'rate-schedule': 'the compensation schedule of this Agreement',
  'product-list': 'the product exhibit to this Agreement',
  'initial-term': 'its initial term',
  attachments: 'attachments',
};

const OPEN_Q = '[“"]';
const CLOSE_Q = '[”"]';
// “Term” means … / “Term” shall mean … / “Term” refers to … / (the “Term”) / (“Term”).
// A redacted party name may open the term ("[REDACTED] Compensation Schedule"): it is still the contract's term.
const DEFINED = new RegExp(`${OPEN_Q}((?:\\[REDACTED\\]\\s+)?[A-Z][\\w'’&/-]*(?:\\s+[A-Za-z][\\w'’&/-]*){0,5})${CLOSE_Q}\\s*(?:\\)|(?:,\\s*)?(?:shall\\s+)?(?:means?|refers?\\s+to|has\\s+the\\s+meaning|includes?)\\b)`, 'g');

const MEMBER_WORDS: ReadonlyArray<[singular: string, plural: string]> = [
  ['Member', 'Members'],
  ['Enrollee', 'Enrollees'],
  ['Covered Person', 'Covered Persons'],
  ['Covered Individual', 'Covered Individuals'],
  ['Beneficiary', 'Beneficiaries'],
  ['Subscriber', 'Subscribers'],
  ['Insured', 'Insureds'],
];

const EXHIBIT = String.raw`(?:Exhibit|EXHIBIT|Schedule|SCHEDULE|Attachment|ATTACHMENT|Appendix|APPENDIX|Addendum|ADDENDUM)\s+(?:[A-Z]{1,3}|\d{1,2})(?:[.-]\d{1,2})?`;
const RATE_WORDS = String.raw`(?:compensation|reimbursement|rates?|fee schedule|payment terms|fees)`;
const PRODUCT_WORDS = String.raw`(?:products?|programs?|lines? of business|benefit plans|networks?)`;
// A document's own name for the place ("Compensation Schedule", "Plan Compensation Schedule",
// "Provider Networks Attachment"): up to three capitalized words before the kind of place, the
// first not a sentence opener ("The", "This").
const NAME_LEAD = String.raw`(?:(?!(?:The|This|That|These|Such|Each|Any|All|Said|In|On|Under|Per)\s)(?:\[REDACTED\]|[A-Z][\w'’&-]*)\s+){0,3}`;
const PLACE_KIND = String.raw`(?:Schedule|Exhibit|Attachment|Addendum|Appendix|List)s?`;
// Undefined, only a compensation or reimbursement schedule is the contract's own: "Physician Fee Schedule" is Medicare's.
const RATE_NAME_UNDEFINED = new RegExp(String.raw`^${NAME_LEAD}(?:Compensation|Reimbursement)\s+${PLACE_KIND}$`);
// Defined: that, or a bare "Fee Schedule" / "Rate Schedule" (a qualified one, "Medicare Fee Schedule", is a benchmark).
const RATE_NAME = new RegExp(String.raw`${RATE_NAME_UNDEFINED.source}|^(?:Compensation|Reimbursement|Rate|Payment|Fee)s?\s+${PLACE_KIND}$`);
const PRODUCT_NAME = new RegExp(String.raw`^${NAME_LEAD}(?:Products?|Programs?|Plans?|Networks?)\s+${PLACE_KIND}$`);

/** The terms of `text`, each from the contract where it has one. */
export function contractTerms(text: string): ContractTerms {
  const defined = definedTerms(text);
  const member = memberTerm(text, defined);
  return {
    services: servicesTerm(text, defined),
    member: member?.[0] ?? CONTRACT_TERM_DEFAULTS.member,
    members: member?.[1] ?? CONTRACT_TERM_DEFAULTS.members,
    'rate-schedule': placeOf(text, defined, RATE_WORDS, RATE_NAME, RATE_NAME_UNDEFINED) ?? CONTRACT_TERM_DEFAULTS['rate-schedule'],
    'product-list': placeOf(text, defined, PRODUCT_WORDS, PRODUCT_NAME, PRODUCT_NAME) ?? CONTRACT_TERM_DEFAULTS['product-list'],
    'initial-term': initialTerm(text),
    attachments: attachmentsWord(text),
  };
}

// "for a term of one (1) year", "an initial term of three (3) years".
const TERM_LENGTH = /\b(?:for|have|has|with)\s+(?:an?\s+)?(?:initial\s+)?term\s+of\s+((?:[a-z]+[\s-]+){1,4}\(\d{1,3}\)\s+(?:years?|months?))\b/i;

/**
 * How the contract names its first term: "the Initial Term" when it uses that term; else its
 * stated length ("its initial term of one (1) year"), so a clause that replaces the sentence
 * stating it does not lose the length; else plain words.
 */
function initialTerm(text: string): string {
  if (count(text, 'Initial Term') > 0) return 'the Initial Term';
  const length = TERM_LENGTH.exec(text);
  return length ? `its initial term of ${length[1]!.replace(/\s+/g, ' ')}` : CONTRACT_TERM_DEFAULTS['initial-term'];
}

const ATTACHMENT_KINDS: ReadonlyArray<[word: RegExp, plural: string]> = [
  [/\bExhibit(?:s|\(s\))?\b/g, 'Exhibits'],
  [/\bAttachment(?:s|\(s\))?\b/g, 'Attachments'],
  // "Fee Schedule" is not one of the contract's parts: only a lettered or numbered one counts.
  [/\bSchedule\s+(?:[A-Z]{1,3}|\d{1,2})\b/g, 'Schedules'],
  [/\bAppendix\b|\bAppendices\b/g, 'Appendices'],
  [/\bAddend(?:um|a)\b/g, 'Addenda'],
];

/** What the contract calls the documents attached to it ("Exhibits", "Attachments"), the kind it names most; else plain "attachments". */
function attachmentsWord(text: string): string {
  let best = CONTRACT_TERM_DEFAULTS.attachments;
  let uses = 1;
  for (const [word, plural] of ATTACHMENT_KINDS) {
    const n = text.match(word)?.length ?? 0;
    if (n > uses) [best, uses] = [plural, n];
  }
  return best;
}

function definedTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(DEFINED)) out.add(m[1]!.replace(/\s+/g, ' '));
  return out;
}

// Word boundaries by lookaround, so a term opening with "[REDACTED]" is counted too.
const count = (text: string, term: string) => text.match(new RegExp(`(?<!\\w)${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`, 'g'))?.length ?? 0;

/** The most used defined term ending in "Services"; else "Covered Services" when the contract capitalises it throughout. */
function servicesTerm(text: string, defined: Set<string>): string {
  const candidates = [...defined].filter((t) => /\bServices$/.test(t) && t.split(' ').length <= 4);
  const best = mostUsed(text, candidates);
  if (best) return best;
  return count(text, 'Covered Services') >= 3 ? 'Covered Services' : CONTRACT_TERM_DEFAULTS.services;
}

function memberTerm(text: string, defined: Set<string>): [string, string] | undefined {
  const known = MEMBER_WORDS.filter(([one, many]) => defined.has(one) || defined.has(many));
  const pool = known.length > 0 ? known : MEMBER_WORDS.filter(([one]) => count(text, one) >= 3);
  let best: [string, string] | undefined;
  let uses = 0;
  for (const pair of pool) {
    const n = count(text, pair[0]) + count(text, pair[1]);
    if (n > uses) [best, uses] = [pair, n];
  }
  return best;
}

/**
 * Where the contract puts its rates (or its products): a defined term such as "Compensation
 * Schedule"; else a name it uses as one ("the Provider Networks Attachment"); else the exhibit whose title names them ("EXHIBIT B — COMPENSATION"); else the
 * exhibit the contract's own sentences send the reader to ("the rates set forth in Schedule 2").
 */
function placeOf(text: string, defined: Set<string>, words: string, nameShape: RegExp, undefinedShape: RegExp): string | undefined {
  const term = mostUsed(text, [...defined].filter((t) => nameShape.test(t)));
  if (term) return `the ${term}`;
  // A name the contract uses as a proper noun without defining it ("the Provider Networks Attachment"), at least twice.
  const named = mostUsed(text, namesOfShape(text, undefinedShape), 2);
  if (named) return `the ${named}`;
  // The title may run onto a second line of the same block ("ATTACHMENT C" / "PARTICIPATING PRODUCTS").
  const titled = new RegExp(String.raw`(?:^|\n)[ \t]*(${EXHIBIT})\b[^\n]{0,80}?(?:\n(?!\n)[^\n]{0,80}?)?\b${words}\b`, 'gi');
  const title = [...text.matchAll(titled)].map((m) => m[1]!);
  if (title.length > 0) return exhibitName(title[0]!);
  const cited = new RegExp(String.raw`\b${words}\b[^.\n]{0,100}?\b(?:set forth|specified|described|listed|stated|contained|identified|attached)\s+(?:in|on|as)\s+(${EXHIBIT})\b`, 'gi');
  const refs = [...text.matchAll(cited)].map((m) => exhibitName(m[1]!));
  return mostFrequent(refs);
}

/** "EXHIBIT B" → "Exhibit B". */
function exhibitName(raw: string): string {
  const [kind, ...rest] = raw.trim().split(/\s+/);
  return `${kind!.charAt(0).toUpperCase()}${kind!.slice(1).toLowerCase()} ${rest.join(' ')}`;
}

/** Capitalized phrases of `text` ending in a kind of place (Schedule, Attachment…) whose whole matches `shape`. */
function namesOfShape(text: string, shape: RegExp): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\w\]])${NAME_LEAD}[A-Z][\w'’&-]*\s+${PLACE_KIND}\b(?!\s+(?:[A-Z]{1,3}|\d{1,2})\b)`, 'g'))) {
    const name = m[0].replace(/\s+/g, ' ');
    if (shape.test(name)) out.add(name);
  }
  return [...out];
}

function mostUsed(text: string, terms: string[], atLeast = 1): string | undefined {
  let best: string | undefined;
  let uses = atLeast - 1;
  for (const t of terms) {
    const n = count(text, t);
    if (n > uses) [best, uses] = [t, n];
  }
  return best;
}

function mostFrequent(values: string[]): string | undefined {
  const tally = new Map<string, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  return [...tally].sort((a, b) => b[1] - a[1])[0]?.[0];
}
