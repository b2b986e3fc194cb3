/**
 * The Vocabulary tab's content for the Rules screen: loads the ruleset's vocabulary without
 * holding up the editor (which uses it for the `{` completions as soon as it arrives), builds
 * the panel when the tab is first opened, and refreshes it after a change. From a bundled
 * ruleset the changes go to My rules, and the screen moves there.
 */
import { h } from '../../dom/h.ts';
import { getVocabulary, type Vocabulary, type VocabularyClass } from '../../vocabulary-api.ts';
import { vocabularyPanel } from './vocabulary-panel.ts';

/** What the tab needs from its screen. */
export interface VocabularyTabOptions {
  ruleset: { id: string; name: string; source: 'bundled' | 'user' };
  /** The user ruleset that changes from a bundled ruleset go to, and whether it exists yet. */
  myRules: { id: string; name: string; exists: boolean };
  ruleHref: (ruleId: string) => string;
  /** After a change made from a bundled ruleset: open the same place in My rules and say `message` there. */
  moveToMyRules: (message: string) => void;
  /** After a change in the ruleset on show: say `message` (and re-check the rule, which may use the class). */
  changed: (message: string) => void;
}

/** The tab; `classes` is the vocabulary as far as it has loaded. */
export interface VocabularyTab {
  element: HTMLElement;
  /** Build the panel (once), after the vocabulary has loaded. */
  open(): Promise<void>;
  classes(): readonly VocabularyClass[];
}

/** Start loading the vocabulary of `options.ruleset` and return the tab. */
export function vocabularyTab(options: VocabularyTabOptions): VocabularyTab {
  const { ruleset, myRules } = options;
  let vocabulary: Vocabulary | undefined;
  const loaded = getVocabulary(ruleset.id).then(
    (result) => (vocabulary = result),
    () => undefined,
  );
  const element = h('div', { class: 'vocabulary-box' });
  let started = false;

  async function open(): Promise<void> {
    if (started) return;
    started = true;
    const loading = h('p', { class: 'muted' }, 'Loading the vocabulary…');
    element.append(loading);
    await loaded;
    loading.remove();
    if (!vocabulary) {
      element.append(h('p', { class: 'error' }, 'The vocabulary could not be loaded. Reload the page to try again.'));
      return;
    }
    const fromBundled = ruleset.source === 'bundled';
    const panel = vocabularyPanel({
      vocabulary,
      target: fromBundled ? { id: myRules.id, name: myRules.name } : { id: ruleset.id, name: ruleset.name },
      targetVocabulary: async () => (myRules.exists ? getVocabulary(myRules.id) : undefined),
      ruleHref: options.ruleHref,
      onChanged: async (message) => {
        if (fromBundled) return options.moveToMyRules(message);
        vocabulary = await getVocabulary(ruleset.id);
        panel.update(vocabulary);
        options.changed(message);
      },
    });
    element.append(panel.element);
  }

  return { element, open, classes: () => vocabulary?.classes ?? [] };
}
