/**
 * Pure scoring for clause-bank items (../shared/corpus/clause-bank): which slice an item is in,
 * which party terms its document gets, and whether the findings on it are a hit, a miss, a false
 * alarm or fine. No file or corpus access, so it is unit-tested without ../shared.
 */

/** A clause-bank label (see the bank's README: labels are per concept). */
export type BankLabel = 'risky' | 'fine' | 'protective';

/** One clause-bank item as stored in `<concept>.yaml`. */
export interface BankItem {
  id: string;
  label: BankLabel;
  text: string;
  parties?: { payer?: string[]; provider?: string[] };
  style?: string;
  note?: string;
  tags?: string[];
}

/** The part of a finding the bank scoring looks at. */
export interface BankFinding {
  concept: string;
  kind: 'presence' | 'absence';
  ruleId: string;
}

/**
 * Outcome of one item for its concept: `hit`/`miss` for risky items, `false-alarm`/`ok` for fine
 * and protective ones.
 */
export type BankOutcome = 'hit' | 'miss' | 'false-alarm' | 'ok';

/** Which half of the bank an item belongs to. */
export type BankSlice = 'seen' | 'aside';

const ID_NUMBER = /-[rfp](\d+)$/;

/**
 * The bank README's held-back slice: items whose trailing number is divisible by 5
 * (`-r05`, `-f10`, `-p15`). Throws on an id without that suffix, because guessing a slice for it
 * could leak a tuned-on item into the aside numbers (or the reverse).
 */
export function bankSlice(id: string): BankSlice {
  const match = ID_NUMBER.exec(id);
  if (!match) throw new Error(`clause-bank id "${id}" does not end in -r|f|pNN`);
  return Number(match[1]) % 5 === 0 ? 'aside' : 'seen';
}

/**
 * Score one item from the findings `analyze` returned on it. Only findings of the item's concept
 * count (labels say nothing about other concepts).
 * - risky: hit when any finding of the concept fires (presence or absence);
 * - protective: any finding of the concept is a false alarm (an absence finding means the rule
 *   did not recognise the protection the item supplies);
 * - fine: only a presence finding is a false alarm; an absence finding on a neutral look-alike is
 *   expected, because the item does not supply the protection either.
 */
export function scoreBankItem(label: BankLabel, concept: string, findings: readonly BankFinding[]): BankOutcome {
  const own = findings.filter((f) => f.concept === concept);
  switch (label) {
    case 'risky':
      return own.length > 0 ? 'hit' : 'miss';
    case 'protective':
      return own.length > 0 ? 'false-alarm' : 'ok';
    case 'fine':
      return own.some((f) => f.kind === 'presence') ? 'false-alarm' : 'ok';
  }
}

/** Party terms for an item's document; a side left undefined keeps the example default. */
export interface BankParties {
  payer?: string[];
  provider?: string[];
  /** Terms that could not be mapped to text in the clause (e.g. `[blank]` with no underscores). */
  unmapped: string[];
}

const BLANK_LINE = /_{3,}/;

/**
 * Map the bank's party conventions onto document terms: `we` stands for we/us/our, `you` for
 * you/your, `[REDACTED]` is written so in the text, and `[blank]` is the run of underscores the
 * text actually holds (its length varies, so it is read from the text).
 */
export function bankParties(item: Pick<BankItem, 'text' | 'parties'>): BankParties {
  const unmapped: string[] = [];
  const map = (terms: readonly string[] | undefined): string[] | undefined => {
    if (!terms || terms.length === 0) return undefined;
    const out: string[] = [];
    for (const term of terms) {
      if (term === 'we') out.push('we', 'us', 'our');
      else if (term === 'you') out.push('you', 'your');
      else if (term === '[blank]') {
        const blank = BLANK_LINE.exec(item.text)?.[0];
        if (blank) out.push(blank);
        else unmapped.push(term);
      } else out.push(term);
    }
    return out.length > 0 ? [...new Set(out)] : undefined;
  };
  const result: BankParties = { unmapped };
  const payer = map(item.parties?.payer);
  const provider = map(item.parties?.provider);
  if (payer) result.payer = payer;
  if (provider) result.provider = provider;
  return result;
}

/** Counts for one concept and slice. */
export interface BankTally {
  risky: number;
  hits: number;
  /** fine + protective items. */
  clean: number;
  falseAlarms: number;
}

/** A zeroed tally. */
export const emptyBankTally = (): BankTally => ({ risky: 0, hits: 0, clean: 0, falseAlarms: 0 });

/** Add one item's outcome into a tally. */
export function addOutcome(tally: BankTally, outcome: BankOutcome): void {
  if (outcome === 'hit' || outcome === 'miss') {
    tally.risky++;
    if (outcome === 'hit') tally.hits++;
  } else {
    tally.clean++;
    if (outcome === 'false-alarm') tally.falseAlarms++;
  }
}

/** Recall: risky items hit / risky items (1 when there are none, so empty slices do not fail). */
export const bankRecall = (t: BankTally): number => (t.risky === 0 ? 1 : t.hits / t.risky);

/** False-alarm rate: false alarms / (fine + protective) items (0 when there are none). */
export const bankFalseAlarmRate = (t: BankTally): number => (t.clean === 0 ? 0 : t.falseAlarms / t.clean);
