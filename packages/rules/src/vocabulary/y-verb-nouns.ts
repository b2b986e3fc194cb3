/**
 * Nouns of verbs ending in -y. The -ify verbs follow one rule (modify → modification, notify →
 * notification, verify → verification); the others have no rule a contract's English keeps
 * (apply → application but reply → reply, comply → compliance but supply → supply, deny →
 * denial but occupy → occupation), so they are listed here, once, for every vocabulary word.
 * A verb ending in -ly ("apply", "comply", "rely") looks like an adverb ("timely", "promptly"),
 * which is never inflected; being listed here is what marks it a verb.
 *
 * Add a verb when a rule's wording needs its noun; a word not listed (and not -ify) gets its
 * verb inflections only, never a guessed noun ("denication", "copial").
 */
const Y_VERB_NOUNS: Readonly<Record<string, readonly string[]>> = {
  apply: ['application'],
  comply: ['compliance'],
  rely: ['reliance'],
  supply: [],
  reply: [],
  imply: ['implication'],
  multiply: ['multiplication'],
  ally: ['alliance'],
  deny: ['denial'],
  satisfy: ['satisfaction'],
  defy: ['defiance'],
  vary: ['variance', 'variation'],
  occupy: ['occupation', 'occupancy'],
  bury: ['burial'],
  carry: ['carriage'],
  marry: ['marriage'],
  accompany: ['accompaniment'],
  embody: ['embodiment'],
  convey: ['conveyance'],
};

/** Whether `word` (lower-case) is a listed -y verb, so inflected even where it looks like an adverb. */
export function isListedYVerb(word: string): boolean {
  return Object.hasOwn(Y_VERB_NOUNS, word);
}

/**
 * The nouns of a verb ending in -y (lower-case), singular; null when `word` is neither listed
 * nor an -ify verb, so the caller's general rules apply.
 */
export function yVerbNouns(word: string): readonly string[] | null {
  if (isListedYVerb(word)) return Y_VERB_NOUNS[word]!;
  if (/[^aeiou]ify$/.test(word)) return [`${word.slice(0, -1)}ication`];
  return null;
}
