/**
 * Irregular past participles ("held", "bound", "made", "withheld", "brought"), so passive
 * detection sees "shall be held harmless by Plan" as a passive and reads its by-agent. Regular
 * participles end in -ed and are read by pattern; the irregular ones come from the RosaeNLG
 * list of English irregular verbs (english-verbs-irregular).
 */
import irregularVerbs from 'english-verbs-irregular/dist/verbs.json' with { type: 'json' };

// Participles a regular ending already catches ("-en", "-wn", "-t", "-id") need no entry.
const CAUGHT_BY_ENDING = /(?:ed|en|wn|t|id)$/;

/** Every irregular past participle the regular endings miss, lower case, longest first. */
export const IRREGULAR_PARTICIPLES: readonly string[] = [
  ...new Set(
    Object.values(irregularVerbs as Record<string, string[][]>)
      .flatMap((forms) => forms.map((form) => form[1] ?? ''))
      .filter((p) => /^[a-z]+$/.test(p) && !CAUGHT_BY_ENDING.test(p)),
  ),
].sort((a, b) => b.length - a.length);
