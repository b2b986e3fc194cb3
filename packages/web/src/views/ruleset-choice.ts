/** A "Rules to apply" drop-down, offered only when there is more than one ruleset. */
import { h } from '../dom/h.ts';
import { rememberRuleset, rulesetOption } from '../model/rulesets.ts';
import type { RulesetInfo } from '../types.ts';

/** The field and a way to read the choice. */
export interface RulesetChoice {
  element: HTMLElement;
  /** The chosen ruleset id. */
  value(): string;
}

let fieldCount = 0;

/** A labelled select over `rulesets` with `selected` chosen; every change is remembered for next time. */
export function rulesetChoice(rulesets: readonly RulesetInfo[], selected: string | undefined, hint?: string): RulesetChoice {
  const id = `ruleset-choice-${++fieldCount}`;
  const select = h(
    'select',
    { id, name: 'ruleset' },
    rulesets.map((r) => h('option', { value: r.id, selected: r.id === selected, disabled: r.rules === 0 }, rulesetOption(r))),
  );
  select.addEventListener('change', () => rememberRuleset(storage(), select.value));
  const element = h('div', { class: 'ruleset-choice' }, h('label', { for: id }, 'Rules to apply'), select, hint ? h('p', { class: 'muted hint' }, hint) : null);
  return { element, value: () => select.value };
}

/** localStorage, or undefined where the browser refuses it. */
export function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
