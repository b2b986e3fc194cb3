/**
 * The forms a vocabulary word is matched in. Rule authors write the base word ("terminate",
 * "fee schedule") and the engine matches its inflections ("terminates", "terminated",
 * "terminating") and its common nominalizations ("termination", "amendment", "renewal"),
 * so a rule written for the verb also catches the noun-heavy drafting payers use
 * ("termination may be effected by"). The forms are an explicit list, not a stemmer, so the
 * rule editor can show an author exactly what a word matches.
 */
import { isListedYVerb, yVerbNouns } from './y-verb-nouns.ts';

// Words that are never inflected: articles, prepositions, conjunctions, pronouns, modals.
const FUNCTION_WORDS = new Set(
  [
    'a', 'an', 'the', 'this', 'that', 'these', 'those', 'such', 'said', 'any', 'all', 'each', 'every', 'no', 'not', 'nor',
    'or', 'and', 'but', 'if', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'off', 'on', 'onto', 'out', 'over', 'to',
    'up', 'upon', 'with', 'within', 'without', 'under', 'after', 'before', 'prior', 'than', 'its', 'it', 'their', 'they',
    'them', 'his', 'her', 'our', 'your', 'we', 'you', 'us', 'may', 'shall', 'will', 'can', 'must', 'would', 'should', 'could',
    'be', 'is', 'are', 'was', 'were', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'other', 'own', 'sole', 'only',
    'same', 'own', 'per', 'via', 'whether', 'which', 'who', 'whom', 'whose', 'time', 'times', 'might', 'ought',
    'nothing', 'none', 'neither', 'either', 'both', 'some', 'more', 'less', 'most', 'least', 'also', 'then', 'there',
    'here', 'until', 'unless', 'while', 'during', 'although', 'though', 'because', 'since', 'when', 'whenever', 'where',
    'wherever', 'what', 'how', 'soon', 'once', 'ever', 'never', 'always', 'again', 'even', 'very', 'thereof', 'hereof',
    'herein', 'therein', 'hereby', 'thereby', 'hereunder', 'thereunder', 'hereto', 'thereto', 'whereby',
  ],
);

// Verbs whose past forms are not regular; the base gets these in addition to -s/-ing.
const IRREGULAR: Record<string, string[]> = {
  bear: ['bore', 'borne'], become: ['became'], begin: ['began', 'begun'], bind: ['bound'], bring: ['brought'],
  buy: ['bought'], choose: ['chose', 'chosen'], deal: ['dealt'], draw: ['drew', 'drawn'], forgo: ['forwent', 'forgone'],
  forego: ['forewent', 'foregone'], get: ['got', 'gotten'], give: ['gave', 'given'], hold: ['held'], keep: ['kept'],
  lay: ['laid'], lead: ['led'], leave: ['left'], lose: ['lost'], make: ['made'], meet: ['met'], pay: ['paid'], prepay: ['prepaid'],
  overpay: ['overpaid'], underpay: ['underpaid'], repay: ['repaid'], put: ['put'], read: ['read'], rebind: ['rebound'],
  run: ['ran'], say: ['said'], seek: ['sought'], sell: ['sold'], send: ['sent'], set: ['set'], offset: ['offset'],
  shut: ['shut'], spend: ['spent'], split: ['split'], take: ['took', 'taken'], tell: ['told'], undertake: ['undertook', 'undertaken'],
  understand: ['understood'], withdraw: ['withdrew', 'withdrawn'], withhold: ['withheld'], write: ['wrote', 'written'],
  arise: ['arose', 'arisen'], see: ['saw', 'seen'], go: ['went', 'gone'], come: ['came'], find: ['found'], win: ['won'],
  stand: ['stood'], upset: ['upset'], cut: ['cut'], let: ['let'], quit: ['quit'], bid: ['bid'], hit: ['hit'],
};

const VOWEL = /[aeiou]/;
const UNINFLECTED = /(?:[^e]ed|ing|ly|ous|ful|less|able|ible)$/;

/** Whether `word` is an article, preposition, conjunction, pronoun or modal. */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase());
}

/** Whether a word of a vocabulary entry is inflected (content words) or matched as written. */
export function isInflected(word: string): boolean {
  // An acronym ("CMS", "HMO") is matched as written.
  return /^[a-z]{3,}$/i.test(word) && word !== word.toUpperCase() && !FUNCTION_WORDS.has(word.toLowerCase());
}

// A short verb ending consonant-vowel-consonant doubles its last letter ("set" → "setting",
// "refer" → "referred"); longer words ("audit", "offer") usually do not, so both are listed.
function doubled(word: string): string | null {
  const m = /([^aeiou])([aeiou])([bdgklmnprt])$/.exec(word);
  return m ? word + m[3] : null;
}

function verbAndNounForms(w: string): string[] {
  const forms = [w];
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    forms.push(`${w}s`, `${w}d`, `${stem}ing`);
  } else if (/[^aeiou]y$/.test(w)) {
    const stem = w.slice(0, -1);
    forms.push(`${stem}ies`, `${stem}ied`, `${w}ing`);
  } else if (/(?:s|x|z|ch|sh|[^aeiou]o)$/.test(w)) {
    // "forgo" → "forgoes", "veto" → "vetoes", like "waive" → "waives" for a final -e.
    forms.push(`${w}es`, `${w}ed`, `${w}ing`);
  } else {
    forms.push(`${w}s`, `${w}ed`, `${w}ing`);
    const d = doubled(w);
    if (d) forms.push(`${d}ed`, `${d}ing`);
  }
  return forms;
}

// A word that already carries a noun, adjective or participle ending ("disclosure", "signed",
// "national") is not a verb to nominalize: "disclosurion" or "signedment" would only make the
// patterns larger, and every extra form costs automaton size in each rule that uses the word.
const DERIVED = /(?:tion|sion|ment|ness|ity|ship|ance|ence|ure|ism|ist|ing|ed|al|ly|ous|ive|ful|less|able|ible|ic|ary|ory|er|or)$/;

// Nominalizations contracts use for the acts rules care about: terminate → termination,
// authorize → authorization, amend → amendment, renew → renewal, revise → revision; verbs in
// -y take theirs from y-verb-nouns.ts (modify → modification, deny → denial, comply →
// compliance). A few non-words are generated too ("renewment"); they never occur in a
// contract, so they cannot match wrongly.
function nominalizations(w: string): string[] {
  const yNouns = yVerbNouns(w);
  if (yNouns) return yNouns.flatMap((n) => [n, /[^aeiou]y$/.test(n) ? `${n.slice(0, -1)}ies` : `${n}s`]);
  const out: string[] = [];
  if (w.length < 4) return out;
  // Checked before DERIVED: "refer" and "receive" end like derived words but nominalize.
  out.push(...irregularNominalizations(w));
  if (DERIVED.test(w)) return out.flatMap((n) => [n, `${n}s`]);
  if (/ate$/.test(w)) out.push(`${w.slice(0, -1)}ion`);
  else if (/(?:ize|ise)$/.test(w)) out.push(`${w.slice(0, -1)}ation`, `${w.slice(0, -1)}ion`);
  // Other -y words ("policy", "remedy", "copy") are nouns already or have no regular noun.
  else if (/[^aeiou]y$/.test(w)) return out;
  else if (w.endsWith('e')) out.push(`${w.slice(0, -1)}ion`, `${w.slice(0, -1)}al`);
  else if (VOWEL.test(w.slice(-1))) out.push(`${w}l`);
  else out.push(`${w}ment`, `${w}al`, `${w}ion`);
  return out.flatMap((n) => [n, `${n}s`]);
}

// Nominalizations whose spelling changes: extend → extension, submit → submission, refer →
// referral, reduce → reduction, subscribe → subscription, expire → expiration, decide →
// decision, exclude → exclusion, assume → assumption, disclose → disclosure, receive → receipt,
// cancel → cancellation (US "cancelation" too), discontinue → discontinuation, discontinuance.
// Only the changed stem is listed; the regular forms still apply. Left out on purpose: nouns
// that name something else in a contract ("provision" is a clause, not providing;
// "determination" is a decision on a request, not designating; "payment" and "requirement"
// are things, not acts), which a rule author lists in a class when meant.
const SPELLING_CHANGES: Array<[RegExp, string[]]> = [
  [/([tpx][ae]n)d$/, ['$1sion']],
  [/mit$/, ['mission', 'mittal']],
  [/([^e]e)r$/, ['$1rral']],
  [/uce$/, ['uction']],
  [/ibe$/, ['iption']],
  [/ire$/, ['iration']],
  [/cide$/, ['cision']],
  [/ude$/, ['usion']],
  [/ume$/, ['umption']],
  [/ose$/, ['osure']],
  [/eive$/, ['eipt', 'eption']],
  [/cel$/, ['cellation', 'celation']],
  [/inue$/, ['inuation', 'inuance']],
];

function irregularNominalizations(w: string): string[] {
  const out: string[] = [];
  for (const [pattern, endings] of SPELLING_CHANGES) {
    if (!pattern.test(w)) continue;
    for (const ending of endings) out.push(w.replace(pattern, ending));
  }
  return out;
}

/**
 * Every form `word` is matched in, lower-case, base first. A word the author capitalised or
 * wrote with digits or punctuation is matched as written (case-insensitively).
 */
export function wordForms(word: string): string[] {
  if (!isInflected(word)) return [word.toLowerCase()];
  const w = word.toLowerCase();
  // A participle or adjective ("signed", "continuing", "reasonable") has no further inflection,
  // except the plural a gerund takes as a noun ("filings"); short words ("bring") are verbs.
  if (w.length >= 6 && UNINFLECTED.test(w) && !isListedYVerb(w)) return w.endsWith('ing') ? [w, `${w}s`] : [w];
  const forms = new Set<string>(verbAndNounForms(w));
  for (const f of IRREGULAR[w] ?? []) forms.add(f);
  for (const n of nominalizations(w)) forms.add(n);
  // A noun that is already plural ("damages", "fees") also matches its singular.
  if (/[^s]s$/.test(w) && w.length > 4) forms.add(w.slice(0, -1));
  for (const f of [...forms]) {
    const british = britishSpelling(f);
    if (british) forms.add(british);
  }
  return [...forms];
}

// The vocabulary is written in US spelling; UK and Commonwealth paper writes -ise/-isation
// ("recategorise", "authorisation", "analyse"). Only the suffix is respelled, after a stem of at
// least three letters, so "size" and "prize" keep their one spelling.
const IZE_SUFFIX = /^(.{3,})([iy])z(e|es|ed|ing|ation|ations|er|ers)$/;

function britishSpelling(form: string): string | null {
  const m = IZE_SUFFIX.exec(form);
  return m ? `${m[1]}${m[2]}s${m[3]}` : null;
}
