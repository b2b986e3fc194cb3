/** Rulesets as the reader sees them: labels, the remembered choice, and which one to offer first. */
import type { RulesetInfo } from '../types.ts';

/** localStorage key of the last ruleset chosen. */
export const RULESET_KEY = 'redliner.ruleset';

/** The part of Storage used here (so tests can pass a plain object). */
export type RulesetStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** "payer-core, version 0.1.0". */
export function rulesetLabel(ruleset: { name: string; version?: string | undefined }): string {
  return ruleset.version ? `${ruleset.name}, version ${ruleset.version}` : ruleset.name;
}

/** The label of a choice in a ruleset list, saying whose it is and whether it has problems. */
export function rulesetOption(ruleset: RulesetInfo): string {
  const whose = ruleset.source === 'bundled' ? 'built in' : 'your rules';
  const trouble = ruleset.rules === 0 ? ' — no rule loads, fix it in Rules first' : ruleset.errors.length > 0 ? ` — ${ruleset.errors.length === 1 ? '1 rule has' : `${ruleset.errors.length} rules have`} problems` : '';
  return `${rulesetLabel(ruleset)} (${whose})${trouble}`;
}

/** Only offer a choice when there is one to make. */
export function offersChoice(rulesets: readonly RulesetInfo[]): boolean {
  return rulesets.length > 1;
}

/** The remembered ruleset id, or null (no storage, blocked storage, nothing saved). */
export function rememberedRuleset(storage: RulesetStorage | undefined): string | null {
  try {
    return storage?.getItem(RULESET_KEY) ?? null;
  } catch {
    return null; // storage can be disabled by browser policy; the choice is a convenience
  }
}

/** Remember `id` as the last choice; silently skipped when storage is unavailable. */
export function rememberRuleset(storage: RulesetStorage | undefined, id: string): void {
  try {
    storage?.setItem(RULESET_KEY, id);
  } catch {
    // as above: forgetting the choice is harmless
  }
}

/**
 * Which ruleset to select first: `preferred` when it still exists, else the bundled one (the
 * server's default), else the first listed.
 */
export function initialRuleset(rulesets: readonly RulesetInfo[], preferred: string | null | undefined): string | undefined {
  if (preferred && rulesets.some((r) => r.id === preferred)) return preferred;
  return (rulesets.find((r) => r.source === 'bundled') ?? rulesets[0])?.id;
}
