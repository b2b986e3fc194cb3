/**
 * The Vocabulary tab of the Rules screen: every class of the ruleset by name, with what it
 * means, its words (yours marked), the forms they match on demand, and which rules use it. In
 * your own rules you add words to a class (kept as `also:` for a bundled class, so the bundled
 * words keep applying), edit or remove your own classes, and start new ones. From a bundled
 * ruleset the changes go to My rules, as saving a bundled rule does.
 */
import { confirmDialog } from '../../dom/dialog.ts';
import { clear, h } from '../../dom/h.ts';
import { addWordsBody, filterClasses, newClassProblem, originLabel } from '../../model/vocabulary.ts';
import { removeVocabularyClass, saveVocabularyClass, type SavedClass, type Vocabulary, type VocabularyClass } from '../../vocabulary-api.ts';
import { addWordsForm, classForm } from './vocabulary-forms.ts';

/** What the panel shows and where its changes go. */
export interface VocabularyPanelOptions {
  /** The vocabulary of the ruleset on show. */
  vocabulary: Vocabulary;
  /** The user ruleset changes are saved to (the one on show, or My rules from a bundled one). */
  target: { id: string; name: string };
  /** The target's vocabulary as it is now (undefined when that ruleset does not exist yet). */
  targetVocabulary: () => Promise<Vocabulary | undefined>;
  /** The link to a rule of the ruleset on show. */
  ruleHref: (ruleId: string) => string;
  /** After a change was saved: say `message` and show the new vocabulary. */
  onChanged: (message: string, saved?: SavedClass) => Promise<void>;
}

/** The panel; `update` shows a new vocabulary (after a change). */
export interface VocabularyPanel {
  element: HTMLElement;
  update(vocabulary: Vocabulary): void;
}

const WHAT_IT_IS = 'Classes of words that mean the same act or thing. A rule uses a class as {name} in a phrase, a "does" or a pattern; words added to a class apply to every rule that uses it.';

function warningText(saved: SavedClass | undefined): string {
  const n = saved?.warnings.length ?? 0;
  if (n === 0) return '';
  const rules = [...new Set(saved!.warnings.map((w) => w.ruleId).filter(Boolean))].join(', ');
  return ` Note: ${n === 1 ? '1 example' : `${n} examples`} of ${rules || 'rules using it'} no longer ${n === 1 ? 'behaves' : 'behave'} as declared; check ${n === 1 ? 'it' : 'them'} in the rule editor.`;
}

/** Build the panel. */
export function vocabularyPanel(options: VocabularyPanelOptions): VocabularyPanel {
  let vocabulary = options.vocabulary;
  const fromBundled = vocabulary.source === 'bundled';
  const search = h('input', { type: 'search', id: 'vocabulary-search', placeholder: 'Find a class or word', autocomplete: 'off' });
  const newButton = h('button', { type: 'button', class: 'button secondary' }, fromBundled ? 'New class in My rules' : 'New class');
  const newSlot = h('div', { class: 'vocab-new' });
  const problems = h('div', { class: 'vocab-problems' });
  const count = h('p', { class: 'muted vocab-count', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { class: 'vocab-list', 'aria-label': 'Vocabulary classes' });

  const save = async (name: string, body: Parameters<typeof saveVocabularyClass>[2], message: string) => {
    const saved = await saveVocabularyClass(options.target.id, name, body);
    await options.onChanged(message + warningText(saved), saved);
  };
  const targetClass = async (name: string): Promise<VocabularyClass | undefined> => (fromBundled ? (await options.targetVocabulary())?.classes.find((c) => c.name === name) : vocabulary.classes.find((c) => c.name === name));
  const where = fromBundled ? ` in ${options.target.name}` : '';

  function classItem(cls: VocabularyClass): HTMLElement {
    const mine = !fromBundled && cls.origin !== 'inherited' && cls.definedIn.ruleset === vocabulary.ruleset;
    const slot = h('div', { class: 'vocab-slot' });
    // Built on first use: a large vocabulary has thousands of forms nobody asked to see.
    const forms = h('dl', { class: 'vocab-forms', hidden: true });
    const formsButton = h('button', { type: 'button', class: 'linklike', 'aria-expanded': 'false' }, 'Show the forms they match');
    formsButton.addEventListener('click', () => {
      if (!forms.firstChild) forms.append(...cls.entries.flatMap((e) => [h('dt', {}, e.text), h('dd', {}, e.forms ? e.forms.join(', ') : e.preview)]));
      forms.hidden = !forms.hidden;
      formsButton.setAttribute('aria-expanded', String(!forms.hidden));
      formsButton.textContent = forms.hidden ? 'Show the forms they match' : 'Hide the forms';
    });
    const open = (form: HTMLElement) => {
      clear(slot);
      slot.append(form);
    };
    const close = () => clear(slot);

    const addButton = h('button', { type: 'button', class: 'button secondary' }, fromBundled ? 'Add words in My rules' : 'Add words');
    addButton.addEventListener('click', () =>
      open(addWordsForm(cls.name, async (words) => save(cls.name, addWordsBody(await targetClass(cls.name), words), `Added ${words.map((w) => `"${w}"`).join(', ')} to {${cls.name}}${where}.`), close)),
    );
    const own = cls.origin === 'adds' ? cls.spec?.also : cls.spec?.words;
    const editButton = mine ? h('button', { type: 'button', class: 'button secondary' }, cls.origin === 'adds' ? 'Edit your words' : 'Edit') : null;
    editButton?.addEventListener('click', () =>
      open(
        classForm({ name: cls.name, means: cls.spec?.means ?? (cls.origin === 'adds' ? '' : cls.means), words: own ?? [], wordsLabel: cls.origin === 'adds' ? 'Your words, added to the bundled ones' : 'Words and phrases' }, async (value) => {
          const key = cls.origin === 'adds' ? 'also' : 'words';
          await save(cls.name, { ...(value.means ? { means: value.means } : {}), [key]: value.words }, `Saved {${cls.name}}.`);
        }, close),
      ),
    );
    const removeLabel = cls.origin === 'adds' ? 'Remove your words' : cls.origin === 'replaces' ? 'Use the bundled class again' : 'Remove class';
    const removeButton = mine ? h('button', { type: 'button', class: 'button reject' }, removeLabel) : null;
    removeButton?.addEventListener('click', () => {
      void confirmDialog({
        title: `${removeLabel}: {${cls.name}}`,
        body: [h('p', {}, cls.origin === 'own' ? `Remove the class {${cls.name}} from ${options.target.name}?` : `Remove your words from {${cls.name}}? The bundled class applies again.`)],
        confirmLabel: removeLabel,
        busyLabel: 'Removing…',
        danger: cls.origin === 'own',
        action: async () => {
          await removeVocabularyClass(options.target.id, cls.name);
          await options.onChanged(cls.origin === 'own' ? `Removed the class {${cls.name}}.` : `Removed your words from {${cls.name}}; the bundled class applies again.`);
        },
      });
    });

    const used = cls.usedBy.rules;
    return h(
      'li',
      { class: 'vocab-class', 'data-class': cls.name },
      h('div', { class: 'vocab-head' }, h('h3', {}, h('code', {}, `{${cls.name}}`)), h('span', { class: `badge ${cls.definedIn.source === 'user' ? 'yours' : 'bundled'}` }, originLabel(cls))),
      cls.means ? h('p', { class: 'vocab-means' }, cls.means) : null,
      h('ul', { class: 'vocab-words', 'aria-label': `Words of {${cls.name}}` }, cls.entries.map((e) => h('li', { class: e.own && cls.definedIn.source === 'user' ? 'own' : null, title: e.preview }, e.text))),
      h(
        'p',
        { class: 'muted vocab-used' },
        used.length === 0 ? 'No rule uses it yet.' : [`Used by ${used.length === 1 ? '1 rule' : `${used.length} rules`}: `, ...used.flatMap((id, i) => [i ? ', ' : '', h('a', { href: options.ruleHref(id), 'data-nav': '' }, id)])],
        cls.usedBy.classes.length ? ` · in ${cls.usedBy.classes.map((c) => `{${c}}`).join(', ')}` : '',
      ),
      h('div', { class: 'vocab-actions' }, formsButton, addButton, editButton, removeButton),
      forms,
      slot,
    );
  }

  function render(): void {
    clear(list);
    clear(problems);
    const shown = filterClasses(vocabulary.classes, search.value);
    count.textContent = search.value.trim() ? `${shown.length} of ${vocabulary.classes.length} classes` : `${vocabulary.classes.length} classes`;
    for (const cls of shown) list.append(classItem(cls));
    if (shown.length === 0) list.append(h('li', { class: 'muted' }, 'No class matches.'));
    if (vocabulary.errors.length) {
      problems.append(h('p', { class: 'check bad' }, 'Problems in the vocabulary files:'), h('ol', { class: 'rule-problems' }, vocabulary.errors.map((e) => h('li', {}, `${e.ruleset} ${e.file}, line ${e.line}: ${e.message}`))));
    }
  }

  newButton.addEventListener('click', () => {
    clear(newSlot);
    newSlot.append(
      classForm({}, async (value) => {
        const problem = newClassProblem(value.name, vocabulary.classes);
        if (problem) throw new Error(problem);
        await save(value.name, { ...(value.means ? { means: value.means } : {}), words: value.words }, `Created the class {${value.name}}${where}. Use it in a rule as {${value.name}}.`);
      }, () => clear(newSlot)),
    );
  });
  search.addEventListener('input', render);
  render();

  const element = h(
    'section',
    { class: 'vocabulary-panel', 'aria-label': 'Vocabulary' },
    h('p', { class: 'muted vocab-intro' }, WHAT_IT_IS, fromBundled ? ' The bundled vocabulary is never changed: words you add are kept in My rules.' : ''),
    h('div', { class: 'vocab-toolbar' }, h('label', { for: 'vocabulary-search', class: 'visually-hidden' }, 'Find a class or word'), search, newButton),
    newSlot,
    problems,
    count,
    list,
  );
  return {
    element,
    update(next) {
      vocabulary = next;
      clear(newSlot);
      render();
    },
  };
}
