/**
 * "Plan or its designees", "Plan and its affiliates": a party acting with (or through) its own
 * people. Read by subject detection (the party is still the one acting) and by pronoun
 * reading ("Plan and its affiliates ... their policies": "their" is the payer's side).
 */

/** A companion phrase after a party term, as a regex source (no anchors, no flags). */
export const COMPANIONS = String.raw`(?:,?\s*(?:and\/or|and|or)\s+(?:any\s+of\s+)?(?:its|their|our)\s+(?:[a-z-]+\s+){0,2}?(?:designees?|delegates?|agents?|affiliates?|subcontractors?|contractors?|vendors?|representatives?|subsidiaries|successors?(?:\s+(?:and|or)\s+assigns)?|assigns?|employees|officers|auditors?|reviewers?)\b)`;

const COMPANION_AFTER = new RegExp(`^${COMPANIONS}`, 'i');

/** Whether the text right after a party mention joins its companions to it. */
export function hasCompanions(after: string): boolean {
  return COMPANION_AFTER.test(after);
}
