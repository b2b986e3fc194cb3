/**
 * Who performs an act found in the text: the payer, the provider, both ("either party"), or
 * an unnamed party (a redacted name, or a passive with no agent). Contracts say the same act
 * in many shapes, and a rule written as "{payer} may {terminate}" must hold for all of them:
 *
 * - active:        "Plan may terminate", "Plan, at its option, may terminate"
 * - passive:       "may be terminated by Plan", "termination may be effected by Plan"
 * - deciding:      "may be terminated at Plan's option", "at the discretion of Plan"
 * - carried over:  "Plan has the following rights. It may terminate ..." (the actor named in
 *                  an earlier sentence of the same paragraph; a run-in caption such as
 *                  "Termination by Plan." is a heading, not an earlier sentence, and an act
 *                  in it is nobody's)
 * - noun acts:     "Plan's termination of this Agreement", "our amendment of the manual" (the
 *                  possessor), "termination of this Agreement by Plan" (the by-agent), which
 *                  name their own actor whatever the sentence's subject is
 * - joined:        "Plan or Provider may terminate" (both)
 *
 * and an act is negated by its own clause ("Plan may not terminate", "neither party may").
 */
import type { Span } from '../types.ts';
import type { MentionRole, PartyMention } from './party-mentions.ts';
import { isRunInCaption } from '../match/sentences.ts';
import { lowerBound } from '../match/spans.ts';
import { IRREGULAR_PARTICIPLES } from './participles.ts';

/** The actor of an act and whether its clause negates it. */
export interface ActorReading {
  role: MentionRole;
  negated: boolean;
  /** The act is a word of a run-in caption (a heading), not an act anyone performs. */
  caption?: boolean;
}

// A form of "be", up to three words, then a participle: regular ("terminated", "given",
// "paid") or irregular ("held", "bound", "made": participles.ts). Function words that merely
// end like a participle are none: "is at liberty to end", "is not", "is then", "is often".
const NOT_PARTICIPLE = String.raw`(?!(?:at|it|not|but|that|what|out|about|without|against|just|yet|first|next|most|least|best|then|when|even|often|open)\b)`;
const PASSIVE = new RegExp(String.raw`\b(?:be|been|being|is|are|was|were)\s+(?:[\w,]+\s+){0,3}?(?:${NOT_PARTICIPLE}[\w-]+(?:ed|en|wn|t|id)|${IRREGULAR_PARTICIPLES.join('|')})\b`, 'i');
// The same passive, ending at the act's first word: the act is the passive participle (no "to"
// in between: "be required to submit" is the submitting's subject acting).
const PASSIVE_AT_END = new RegExp(String.raw`\b(?:be|been|being|is|are|was|were)\s+(?:(?!to\b)[\w,]+\s+){0,3}?(?:${NOT_PARTICIPLE}[\w-]+(?:ed|en|wn|t|id)|${IRREGULAR_PARTICIPLES.join('|')})$`, 'i');
// An act's first content word, after any modal or auxiliary the hit starts with ("may be terminated").
const ACT_HEAD = /^(?:(?:may|shall|will|must|can|could|would|should|might|not|have|has|be|been|being|is|are|was|were)\s+)*[\w'’-]+/i;
// "is entitled to set off", "shall be authorized to recoup": a passive verb whose infinitive is the
// act. The act is the subject's own, not a passive one.
const INFINITIVE_AFTER = /^\s*to\b/i;
// "amounts owed by Provider", "services rendered by Provider": a by-phrase right after another
// participle is that participle's agent, not the act's ("Plan may set off amounts owed by Provider").
// After a form of "be" the participle is a passive verb ("changes may be made by Plan"), whose
// agent may well be the act's.
const OTHER_PARTICIPLE_BY = new RegExp(
  String.raw`(?<!\b(?:be|been|being|is|are|was|were)\s+)\b(?:[a-z]+(?:ed|en|wn|id)|sent|spent|kept|lost|meant|built|dealt|left|lent|sought|bought|brought|thought|taught|caught|put|${IRREGULAR_PARTICIPLES.join('|')})\s+by\s+(?:the\s+)?$`,
  'i',
);
// Every passive verb in the window, for isPassive (a separate global copy: PASSIVE is used with exec).
const PASSIVE_ALL = new RegExp(PASSIVE.source, 'gi');

/** Whether `window` (ending at the act, which starts at `actStart` in it) reads the act in the passive. */
function isPassive(window: string, actStart: number): boolean {
  for (const m of window.matchAll(PASSIVE_ALL)) {
    const end = m.index + m[0].length;
    // "shall be entitled to set off": a participle that takes "to" and an infinitive is a modal, not the act's passive.
    if (end <= actStart && INFINITIVE_AFTER.test(window.slice(end))) continue;
    return true;
  }
  return false;
}
// A negated subject negates its modal's own verb too: "No amount may be recouped", "no
// overpayment shall be offset" (a "no" and at most three words of its noun phrase, then the
// modal). It reaches only an act right after the modal ("shall be", "may then be"): in "no notice
// shall be required before amounts are recouped" the requiring is negated, not the recouping.
const NEGATION = /\b(?:may|shall|will|can|must|could|would|should|does|do|is|are)\s+not\b|\bcannot\b|\b(?:can|won|shan|don|doesn)['’]t\b|\bnever\b|\bin\s+no\s+event\b|\bunder\s+no\s+circumstances\b|\bat\s+no\s+time\b|\bno\s+(?:[\w'’-]+\s+){1,3}?(?:may|shall|will|can|must|should)\b/gi;
// A negation reaches the act only when nothing between them starts another predicate: "shall
// not be required for any assignment by Plan" negates the requirement, not the assignment,
// and "shall not bill Members if Plan terminates" negates the billing. Commas set off an
// aside ("shall not, without notice, terminate") that does not break the reach.
const ASIDE = /,[^,;]{1,80},/g;
const NEW_PREDICATE = /\b(?:if|unless|except|when|whenever|where|wherever|provided|that|which|who|whom|whose|because|until|while|whether|so\s+long\s+as|in\s+(?:the\s+)?event)\b/i;
// "Plan shall not reduce rates and may amend the manual": a coordinator and a new modal start
// another predicate, which the negation of the first does not reach.
const NEXT_MODAL_PREDICATE = /\b(?:and|or|but)\s+(?:(?:then|also|thereafter|further|otherwise)\s+)?(?:shall|will|may|must|can|should)\b(?!\s+not\b)/i;
const DETERMINERS = String.raw`(?:the|a|an|any|such|each|its|their|his|her|this|that|these|those|all|every|no|prior|advance|written|further|early|[\w-]+['’]s)`;
const OBJECT_OF_PREPOSITION = new RegExp(
  String.raw`\b(?:for|of|on|upon|with|regarding|concerning|before|after|following|against|from|under|about|during|in\s+connection\s+with|prior\s+to|as\s+to|to\s+${DETERMINERS})\s+(?:${DETERMINERS}\s+){0,3}$`,
  'i',
);

const NEGATED_SUBJECT = /^no\s/i;
// What may stand between a negated subject's modal and its own verb: "be", "have been", an adverb.
const MODAL_OWN_VERB = /^\s*(?:(?:be|been|have|then|thereafter|also|ever|otherwise|so|in\s+any\s+event)\s+)*$/i;
// `search` ignores the global regex's lastIndex, which `test` would carry from call to call.
function hasNegation(text: string): boolean {
  return text.search(NEGATION) >= 0;
}

/** Whether a negation in `text` reaches the act that starts at `text.length`. */
function negationReaches(text: string): boolean {
  let reaches = false;
  for (const m of text.matchAll(NEGATION)) {
    const between = text.slice(m.index + m[0].length).replace(ASIDE, ' ');
    if (NEGATED_SUBJECT.test(m[0])) {
      reaches = MODAL_OWN_VERB.test(between);
      continue;
    }
    reaches = !NEW_PREDICATE.test(between) && !NEXT_MODAL_PREDICATE.test(between) && !OBJECT_OF_PREPOSITION.test(between);
  }
  return reaches;
}
// "Plan's termination", "Plan’s early termination", "our amendment": a possessor, at most two
// modifiers, then the act. Function words are not modifiers: "Plan's right to terminate" is Plan
// deciding (read elsewhere), "Plan's consent to termination" is not Plan terminating.
const MODIFIERS = String.raw`(?:(?!(?:to|of|and|or|the|a|an|any|that|which|may|shall|will|must|can|could|would|should|for|with|in|on|by|is|are|was|were|be|been|has|have|had|does|do)\b)[a-z-]+\s+){0,2}`;
const OWNED_ACT_AFTER_NAME = new RegExp(String.raw`^['’]s?\s+${MODIFIERS}$`);
const OWNED_ACT_AFTER_PRONOUN = new RegExp(String.raw`^\s+${MODIFIERS}$`);
// "termination by Plan", "termination of this Agreement by Plan", "termination without cause by
// Plan": the by-phrase belongs to the noun when only its object and one short prepositional
// modifier stand between. No participle may intervene ("termination of services rendered by
// Provider": the by-phrase is the rendering's), nor a comma, which starts an aside or a list.
const NOUN_OBJECT = String.raw`(?:of\s+(?:(?![a-z]+ed\b)[^\s,;.:()]+\s+){1,6}?)?`;
const NOUN_MODIFIER = String.raw`(?:(?:without|for|with|upon|on|at)\s+(?:(?![a-z]+ed\b)[^\s,;.:()]+\s+){1,3}?)?`;
const AGENT_OF_NOUN = new RegExp(String.raw`^\s+${NOUN_OBJECT}${NOUN_MODIFIER}by\s+(?:the\s+)?$`, 'i');
// A noun act: a nominalized form ("termination", "amendment", "renewal", "denial") or any word a
// determiner or preposition introduces ("any change by Plan"). Verbs that end like nouns
// ("appeal", "reveal") are left out: "Provider may appeal the denial by Plan" is Provider's act.
const NOMINAL_FORM = /^[a-z]+(?:tions?|sions?|ments?|(?<!e)als?|ances?|ences?)(?![a-z])/i;
const DETERMINER_BEFORE = /\b(?:the|a|an|any|such|each|every|no|its|their|our|your|of|for|upon|on|after|following|before|prior\s+to)\s+$/i;
const THAT_CLAUSE_BEFORE = /\bthat\s+(?:(?:the|a|an|any|such|no|each|every)\s+)?$/i;
const JOINED = /^\s*(?:,\s*)?(?:and\/or|and|or|nor)\s+(?:the\s+)?$/i;

// "Amounts owed by Provider may be netted against payments", "amounts owed to Plan by Provider
// may be ...": a by-agent right after another participle before the act (and its short
// prepositional phrase) is that participle's agent, not the agent of the later passive. An
// "-able" adjective does the same ("any sum repayable by Provider may be retained").
const PARTICIPLE_BY_BEFORE = new RegExp(String.raw`\b(?:[\w-]+(?:ed|en|wn|t|id|able)|${IRREGULAR_PARTICIPLES.join('|')})(?:\s+(?:to|from|for|of|on|under|in|into|with)(?:\s+[\w'’-]+){0,3})?\s+by\s+(?:the\s+)?$`, 'i');

function agentOfEarlierParticiple(text: string, mention: PartyMention): boolean {
  return PARTICIPLE_BY_BEFORE.test(text.slice(Math.max(0, mention.start - 40), mention.start));
}

/** Mentions that start inside [from, to), in order. */
function mentionsIn(mentions: readonly PartyMention[], from: number, to: number): PartyMention[] {
  const out: PartyMention[] = [];
  for (let i = lowerBound(mentions, from); i < mentions.length && mentions[i]!.start < to; i++) out.push(mentions[i]!);
  return out;
}

/**
 * "Plan or Provider may", "terminated by Plan or Provider": a mention joined to a mention of the
 * other side, before or after it, names both.
 */
function roleWithPartner(text: string, all: readonly PartyMention[], subject: PartyMention): MentionRole {
  const i = all.indexOf(subject);
  const previous = i > 0 ? all[i - 1] : undefined;
  if (previous && previous.role !== subject.role && JOINED.test(text.slice(previous.end, subject.start))) return 'mutual';
  const next = i >= 0 ? all[i + 1] : undefined;
  if (next && next.role !== subject.role && !subject.possessive && !next.possessive && JOINED.test(text.slice(subject.end, next.start))) return 'mutual';
  return subject.role;
}

function lastSubject(list: readonly PartyMention[]): PartyMention | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.subject) return list[i];
  return undefined;
}

/**
 * "Plan's termination", "our amendment": the act at `hit` is the possessor's. The act must be
 * worded as a noun (a nominal ending, or an "of"/"by" after it: "Plan's use of"), or the
 * possessor may own the subject of a verb instead ("Provider's claims are subject to edits").
 */
function ownsAct(text: string, owner: PartyMention, hit: Span): boolean {
  const nounWorded = NOMINAL_FORM.test(text.slice(hit.start, hit.end)) || /^\s+(?:of|by)\b/i.test(text.slice(hit.end, hit.end + 4));
  if (!nounWorded) return false;
  const between = text.slice(owner.end, hit.start);
  const pronoun = /^(?:our|your|its)$/i.test(text.slice(owner.start, owner.end));
  return (pronoun ? OWNED_ACT_AFTER_PRONOUN : OWNED_ACT_AFTER_NAME).test(between);
}

/** Whether the act at `hit` is worded as a noun ("termination of", "any amendment"), not a verb. */
function isNounAct(text: string, hit: Span, sentenceStart: number): boolean {
  const hitText = text.slice(hit.start, hit.end);
  if (NOMINAL_FORM.test(hitText)) return true;
  const before = text.slice(Math.max(sentenceStart, hit.start - 20), hit.start);
  return hit.start === sentenceStart || DETERMINER_BEFORE.test(before);
}

/**
 * Read the actor of `hit`. `sentences` are the sentences of the hit's paragraph, in order;
 * `mentions` every party mention of the document, in order.
 */
export function actorOf(text: string, hit: Span, sentences: readonly Span[], mentions: readonly PartyMention[]): ActorReading {
  const sentenceIndex = sentences.findIndex((s) => s.start <= hit.start && hit.start < Math.max(s.end, s.start + 1));
  const sentence = sentences[sentenceIndex] ?? hit;
  // A run-in caption ("Termination Without Cause. Either party may…") names the clause's topic;
  // the clause after it says who does what. An act in the caption is nobody's act.
  const captioned = sentences.length > 1 && isRunInCaption(text, sentences[0]!);
  if (captioned && sentenceIndex === 0) return { role: 'unnamed', negated: false, caption: true };
  const clauseStart = Math.max(sentence.start, text.lastIndexOf(';', hit.start - 1) + 1);
  const inSentenceBefore = mentionsIn(mentions, sentence.start, hit.start);
  const inClauseBefore = inSentenceBefore.filter((m) => m.start >= clauseStart);
  const after = mentionsIn(mentions, hit.end, Math.min(sentence.end, hit.end + 120));
  const windowStart = Math.max(sentence.start, hit.start - 30);
  const passive = isPassive(text.slice(windowStart, hit.end), hit.start - windowStart);
  // An agent of another participle ("owed by Provider") is not an agent of this act.
  const agentHere = (m: PartyMention, from: number) => m.agent && !OTHER_PARTICIPLE_BY.test(text.slice(Math.max(from, m.start - 60), m.start));

  // A negation inside the hit ("{may} ... {terminate}" found in "may not terminate") negates it too.
  const negatedFrom = (from: number) => negationReaches(text.slice(from, hit.start)) || hasNegation(text.slice(hit.start, hit.end));
  const reading = (m: PartyMention, from: number): ActorReading => ({
    role: roleWithPartner(text, mentions, m),
    negated: m.negative || negatedFrom(Math.max(from, clauseStart)),
  });

  // A noun act names its own actor, who wins over the sentence's subject ("Provider agrees that
  // Plan's termination ...", "Provider acknowledges that termination by Plan ..."). A hit that
  // holds a passive verb is a clause, not a noun: in "Provider's participation may be
  // discontinued by Plan" the possessor owns the thing ended, and the passive's agent acts.
  const owner = inClauseBefore[inClauseBefore.length - 1];
  if (!passive && owner?.possessive && ownsAct(text, owner, hit)) return reading(owner, owner.start);
  const nounAgent = after.find((m) => m.agent);
  if (!passive && nounAgent && isNounAct(text, hit, sentence.start) && AGENT_OF_NOUN.test(text.slice(hit.end, nounAgent.start))) {
    return reading(nounAgent, clauseStart);
  }

  // A noun act that opens a "that" clause is that clause's subject, not the act of the party
  // outside it: in "unless Plan determines that an amendment is not necessary" Plan decides
  // whether an amendment is needed, it amends nothing. Its own possessor or by-agent (above) still names it.
  if (!passive && THAT_CLAUSE_BEFORE.test(text.slice(Math.max(sentence.start, hit.start - 20), hit.start)) && isNounAct(text, hit, sentence.start)) {
    return { role: 'unnamed', negated: negatedFrom(clauseStart) };
  }
  const agentAfter = after.find((m) => agentHere(m, hit.end) && !text.slice(hit.end, m.start).includes(';'));
  if (passive) {
    // An act written with a gap ("retain ... out of") holds its passive's agent inside the hit:
    // "may be retained by Plan out of later payments".
    const agentInside = mentionsIn(mentions, hit.start, hit.end).find((m) => agentHere(m, windowStart));
    if (agentInside) return reading(agentInside, hit.start - 30);
    if (agentAfter) return reading(agentAfter, hit.start - 30);
    const decider = [...inClauseBefore, ...after].find((m) => m.decides) ?? inSentenceBefore.find((m) => (agentHere(m, sentence.start) && !agentOfEarlierParticiple(text, m)) || m.decides);
    if (decider) return reading(decider, hit.start - 30);
    // The act is itself the passive verb ("Provider may be terminated", "Group shall be paid"):
    // the party before it is what the act is done to, not who does it. In "Provider shall be
    // entitled to terminate" or "is deemed to accept" the participle governs another verb, whose
    // subject still acts.
    const head = ACT_HEAD.exec(text.slice(hit.start, hit.end))?.[0] ?? '';
    const headEnd = hit.start + head.length;
    if (PASSIVE_AT_END.test(text.slice(Math.max(sentence.start, hit.start - 30), headEnd)) && !INFINITIVE_AFTER.test(text.slice(headEnd, hit.end))) {
      return { role: 'unnamed', negated: negatedFrom(clauseStart) };
    }
  }
  const subject = lastSubject(inClauseBefore) ?? lastSubject(inSentenceBefore);
  if (subject) return reading(subject, subject.start);
  if (!passive) {
    // A nominalized act names its actor after it: "termination by Provider".
    if (agentAfter) return reading(agentAfter, clauseStart);
    const decider = [...inClauseBefore, ...after].find((m) => m.decides);
    if (decider) return reading(decider, clauseStart);
    // The actor named in an earlier sentence of the same paragraph ("It may ...", "... and may").
    // A caption is a heading, not an earlier sentence: "Indemnification by Facility." names no actor.
    for (let i = sentenceIndex - 1; i >= (captioned ? 1 : 0); i--) {
      const earlier = mentionsIn(mentions, sentences[i]!.start, sentences[i]!.end);
      const named = earlier.find((m) => m.subject) ?? earlier.find((m) => m.decides);
      if (named) return { role: roleWithPartner(text, mentions, named), negated: named.negative || negatedFrom(clauseStart) };
    }
  }
  return { role: 'unnamed', negated: negatedFrom(clauseStart) };
}
