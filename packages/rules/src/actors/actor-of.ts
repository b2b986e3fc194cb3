/**
 * Who performs an act found in the text: the payer, the provider, both ("either party"), or
 * an unnamed party (a redacted name, or a passive with no agent). Contracts say the same act
 * in many shapes, and a rule written as "{payer} may {terminate}" must hold for all of them:
 *
 * - active:        "Plan may terminate", "Plan, at its option, may terminate"
 * - passive:       "may be terminated by Plan", "termination may be effected by Plan"
 * - deciding:      "may be terminated at Plan's option", "at the discretion of Plan"
 * - carried over:  "Plan has the following rights. It may terminate ..." (the actor named in
 *                  an earlier sentence of the same paragraph)
 * - joined:        "Plan or Provider may terminate" (both)
 *
 * and an act is negated by its own clause ("Plan may not terminate", "neither party may").
 */
import type { Span } from '../types.ts';
import type { MentionRole, PartyMention } from './party-mentions.ts';
import { lowerBound } from '../spans.ts';

/** The actor of an act and whether its clause negates it. */
export interface ActorReading {
  role: MentionRole;
  negated: boolean;
}

const PASSIVE = /\b(?:be|been|being|is|are|was|were)\s+(?:[\w,]+\s+){0,3}?[\w-]+(?:ed|en|wn|t|id)\b/i;
const NEGATION = /\b(?:may|shall|will|can|must|could|would|should|does|do|is|are)\s+not\b|\bcannot\b|\b(?:can|won|shan|don|doesn)['’]t\b|\bnever\b|\bin\s+no\s+event\b|\bunder\s+no\s+circumstances\b|\bat\s+no\s+time\b/gi;
// A negation reaches the act only when nothing between them starts another predicate: "shall
// not be required for any assignment by Plan" negates the requirement, not the assignment,
// and "shall not bill Members if Plan terminates" negates the billing. Commas set off an
// aside ("shall not, without notice, terminate") that does not break the reach.
const ASIDE = /,[^,;]{1,80},/g;
const NEW_PREDICATE = /\b(?:if|unless|except|when|whenever|where|wherever|provided|that|which|who|whom|whose|because|until|while|whether|so\s+long\s+as|in\s+(?:the\s+)?event)\b/i;
const DETERMINERS = String.raw`(?:the|a|an|any|such|each|its|their|his|her|this|that|these|those|all|every|no|prior|advance|written|further|early|[\w-]+['’]s)`;
const OBJECT_OF_PREPOSITION = new RegExp(
  String.raw`\b(?:for|of|on|upon|with|regarding|concerning|before|after|following|against|from|under|about|during|in\s+connection\s+with|prior\s+to|as\s+to|to\s+${DETERMINERS})\s+(?:${DETERMINERS}\s+){0,3}$`,
  'i',
);

// `search` ignores the global regex's lastIndex, which `test` would carry from call to call.
function hasNegation(text: string): boolean {
  return text.search(NEGATION) >= 0;
}

/** Whether a negation in `text` reaches the act that starts at `text.length`. */
function negationReaches(text: string): boolean {
  let reaches = false;
  for (const m of text.matchAll(NEGATION)) {
    const between = text.slice(m.index + m[0].length).replace(ASIDE, ' ');
    reaches = !NEW_PREDICATE.test(between) && !OBJECT_OF_PREPOSITION.test(between);
  }
  return reaches;
}
const JOINED = /^\s*(?:,\s*)?(?:and\/or|and|or|nor)\s+(?:the\s+)?$/i;

/** Mentions that start inside [from, to), in order. */
function mentionsIn(mentions: readonly PartyMention[], from: number, to: number): PartyMention[] {
  const out: PartyMention[] = [];
  for (let i = lowerBound(mentions, from); i < mentions.length && mentions[i]!.start < to; i++) out.push(mentions[i]!);
  return out;
}

/** "Plan or Provider may": a subject joined to a mention of the other side names both. */
function roleWithPartner(text: string, all: readonly PartyMention[], subject: PartyMention): MentionRole {
  const i = all.indexOf(subject);
  const previous = i > 0 ? all[i - 1] : undefined;
  if (previous && previous.role !== subject.role && JOINED.test(text.slice(previous.end, subject.start))) return 'mutual';
  return subject.role;
}

function lastSubject(list: readonly PartyMention[]): PartyMention | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.subject) return list[i];
  return undefined;
}

/**
 * Read the actor of `hit`. `sentences` are the sentences of the hit's paragraph, in order;
 * `mentions` every party mention of the document, in order.
 */
export function actorOf(text: string, hit: Span, sentences: readonly Span[], mentions: readonly PartyMention[]): ActorReading {
  const sentenceIndex = sentences.findIndex((s) => s.start <= hit.start && hit.start < Math.max(s.end, s.start + 1));
  const sentence = sentences[sentenceIndex] ?? hit;
  const clauseStart = Math.max(sentence.start, text.lastIndexOf(';', hit.start - 1) + 1);
  const inSentenceBefore = mentionsIn(mentions, sentence.start, hit.start);
  const inClauseBefore = inSentenceBefore.filter((m) => m.start >= clauseStart);
  const after = mentionsIn(mentions, hit.end, Math.min(sentence.end, hit.end + 120));
  const window = text.slice(Math.max(sentence.start, hit.start - 30), hit.end);
  const passive = PASSIVE.test(window);

  // A negation inside the hit ("{may} ... {terminate}" found in "may not terminate") negates it too.
  const negatedFrom = (from: number) => negationReaches(text.slice(from, hit.start)) || hasNegation(text.slice(hit.start, hit.end));
  const reading = (m: PartyMention, from: number): ActorReading => ({
    role: roleWithPartner(text, mentions, m),
    negated: m.negative || negatedFrom(Math.max(from, clauseStart)),
  });

  const agentAfter = after.find((m) => m.agent && !text.slice(hit.end, m.start).includes(';'));
  if (passive) {
    if (agentAfter) return reading(agentAfter, hit.start - 30);
    const decider = [...inClauseBefore, ...after].find((m) => m.decides) ?? inSentenceBefore.find((m) => m.agent || m.decides);
    if (decider) return reading(decider, hit.start - 30);
  }
  const subject = lastSubject(inClauseBefore) ?? lastSubject(inSentenceBefore);
  if (subject) return reading(subject, subject.start);
  if (!passive) {
    // A nominalized act names its actor after it: "termination by Provider".
    if (agentAfter) return reading(agentAfter, clauseStart);
    const decider = [...inClauseBefore, ...after].find((m) => m.decides);
    if (decider) return reading(decider, clauseStart);
    // The actor named in an earlier sentence of the same paragraph ("It may ...", "... and may").
    for (let i = sentenceIndex - 1; i >= 0; i--) {
      const earlier = mentionsIn(mentions, sentences[i]!.start, sentences[i]!.end);
      const named = earlier.find((m) => m.subject) ?? earlier.find((m) => m.decides);
      if (named) return { role: roleWithPartner(text, mentions, named), negated: named.negative || negatedFrom(clauseStart) };
    }
  }
  return { role: 'unnamed', negated: negatedFrom(clauseStart) };
}
