/**
 * Clause-bank part of `pnpm eval`: every item of ../shared/corpus/clause-bank/<concept>.yaml is run
 * as a one-clause document through `analyze` and scored for its own concept (bank-scoring.ts).
 *
 * Honesty rule: the aside slice (ids divisible by 5) is only ever reported in aggregate. Its
 * items' ids, texts and failures are never printed or even kept, under any flag, so looking at
 * the output cannot spend the slice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { analyze, textDocument } from '@redliner/rules';
import type { Ruleset } from '@redliner/rules';
import { corpusPath, REPO_ROOT } from '../../test/support/shared-corpus.ts';
import { addOutcome, bankFalseAlarmRate, bankParties, bankRecall, bankSlice, emptyBankTally, scoreBankItem } from './bank-scoring.ts';
import type { BankItem, BankOutcome, BankSlice, BankTally } from './bank-scoring.ts';
import { fraction, heading, row } from './format.ts';
import type { EvalOptions } from './options.ts';
import { TARGETS } from './targets.ts';

/** One concept's file. */
interface BankFile {
  concept: string;
  items: BankItem[];
}

/** A seen item that failed, kept for --verbose. */
interface SeenFailure {
  concept: string;
  item: BankItem;
  outcome: BankOutcome;
  ruleIds: string[];
}

// The root package does not depend on `yaml`; the rules package does, so resolve it from there
// rather than add a root dependency just for this script.
const { parse: parseYaml } = createRequire(join(REPO_ROOT, 'packages', 'rules', 'package.json'))('yaml') as { parse: (text: string) => unknown };

const LABELS = new Set(['risky', 'fine', 'protective']);

function loadBank(): BankFile[] {
  const dir = corpusPath('clause-bank');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const data = parseYaml(readFileSync(join(dir, f), 'utf8')) as Partial<BankFile> | null;
      if (!data || typeof data.concept !== 'string' || !Array.isArray(data.items)) throw new Error(`clause-bank/${f}: expected {concept, items}`);
      for (const item of data.items) {
        if (typeof item.id !== 'string' || typeof item.text !== 'string' || !LABELS.has(item.label)) throw new Error(`clause-bank/${f}: malformed item ${JSON.stringify(item).slice(0, 80)}`);
      }
      return { concept: data.concept, items: data.items };
    });
}

type SliceTallies = Record<BankSlice, BankTally>;
const emptySlices = (): SliceTallies => ({ seen: emptyBankTally(), aside: emptyBankTally() });

const recallCell = (t: BankTally): string => fraction(t.hits, t.risky);
const falseAlarmCell = (t: BankTally): string => fraction(t.falseAlarms, t.clean);

/** Score the clause bank; returns true when the overall rows meet TARGETS.bank. */
export function evaluateClauseBank(ruleset: Ruleset, options: EvalOptions): boolean {
  heading('clause bank (../shared/corpus/clause-bank; aside = ids divisible by 5, reported in aggregate only)');
  const bank = loadBank();
  if (options.concept && !bank.some((b) => b.concept === options.concept)) console.log(`no clause-bank file for concept "${options.concept}"`);
  const byConcept = new Map<string, SliceTallies>();
  const overall = emptySlices();
  const failures: SeenFailure[] = [];
  const unmappedSeen: string[] = [];
  let unmappedAside = 0;

  for (const { concept, items } of bank) {
    const tallies = emptySlices();
    byConcept.set(concept, tallies);
    for (const item of items) {
      const slice = bankSlice(item.id);
      const parties = bankParties(item);
      if (parties.unmapped.length > 0) {
        if (slice === 'seen') unmappedSeen.push(`${item.id} (${parties.unmapped.join(', ')})`);
        else unmappedAside++;
      }
      const terms: { payer?: string[]; provider?: string[] } = {};
      if (parties.payer) terms.payer = parties.payer;
      if (parties.provider) terms.provider = parties.provider;
      const { findings } = analyze(textDocument(item.text, terms), ruleset);
      const outcome = scoreBankItem(item.label, concept, findings);
      addOutcome(tallies[slice], outcome);
      addOutcome(overall[slice], outcome);
      // Only seen failures are kept: aside details must not exist to be printed by mistake.
      if (slice === 'seen' && (outcome === 'miss' || outcome === 'false-alarm')) {
        failures.push({ concept, item, outcome, ruleIds: [...new Set(findings.map((f) => f.ruleId))] });
      }
    }
  }

  // Per-concept aside numbers would point rule work at the aside's weak concepts, which is
  // tuning on it by another route: the aside is printed as one overall row only.
  console.log(`\n${row('concept', 'seen recall', 'seen false alarms', 'aside recall', 'aside false alarms')}`);
  for (const [concept, t] of byConcept) {
    if (options.concept && concept !== options.concept) continue;
    console.log(row(concept, recallCell(t.seen), falseAlarmCell(t.seen), '', ''));
  }
  console.log(row('overall seen', recallCell(overall.seen), falseAlarmCell(overall.seen), '', ''));
  // Rule work on one concept runs this again and again: the aside line would be seen each time.
  const showAside = options.aside && !options.concept;
  if (options.concept) console.log('overall aside: not shown with --concept (run without it to measure the slice once)');
  else if (!showAside) console.log('overall aside: not shown (pass --aside to measure the slice once; --strict implies it)');
  else console.log(row('overall aside', '', '', recallCell(overall.aside), falseAlarmCell(overall.aside)));

  if (unmappedSeen.length > 0 || unmappedAside > 0) {
    console.log(`\nwarning: party terms not found in the text, left at the default: ${[...unmappedSeen, ...(unmappedAside ? [`${unmappedAside} aside item(s)`] : [])].join('; ')}`);
  }
  if (options.verbose) {
    const shown = failures.filter((f) => !options.concept || f.concept === options.concept);
    console.log(`\nseen clause-bank failures (${shown.length}):`);
    for (const { item, outcome, ruleIds } of shown) {
      const text = item.text.replace(/\s+/g, ' ').slice(0, 100);
      console.log(`  ${item.id} [${item.label}, ${outcome}] "${text}" fired: ${ruleIds.length ? ruleIds.join(', ') : '(none)'}`);
    }
  }

  const { seen, aside } = TARGETS.bank;
  const ok = bankRecall(overall.seen) >= seen.recall && bankFalseAlarmRate(overall.seen) <= seen.maxFalseAlarmRate
    && bankRecall(overall.aside) >= aside.recall && bankFalseAlarmRate(overall.aside) <= aside.maxFalseAlarmRate;
  if (!showAside) return true;
  console.log(`\nclause-bank targets (seen recall >= ${seen.recall}, false alarms <= ${seen.maxFalseAlarmRate}; aside recall >= ${aside.recall}, false alarms <= ${aside.maxFalseAlarmRate}): ${ok ? 'met' : 'NOT met'}`);
  return ok;
}
