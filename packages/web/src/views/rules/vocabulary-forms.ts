/**
 * The small forms of the vocabulary panel: add words to a class, edit a class of your own,
 * start a new class. Each runs its save itself and shows a failure (the server's message,
 * e.g. "a class that uses itself") inside the form, which stays open to fix it.
 */
import { h } from '../../dom/h.ts';
import { splitWords } from '../../model/vocabulary.ts';

let formCount = 0;
const nextId = (what: string) => `vocab-${what}-${++formCount}`;

/** What a form does when submitted; a thrown Error's message is shown in the form. */
export type FormAction<T> = (value: T) => Promise<void>;

function formShell(label: string, fields: HTMLElement[], submitLabel: string, run: () => Promise<void>, onCancel: () => void): HTMLFormElement {
  const status = h('p', { class: 'error vocab-form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button' }, submitLabel);
  const cancel = h('button', { type: 'button', class: 'button secondary' }, 'Cancel');
  const form = h('form', { class: 'vocab-form', 'aria-label': label }, ...fields, status, h('div', { class: 'vocab-form-actions' }, submit, cancel));
  cancel.addEventListener('click', onCancel);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.hidden = true;
    run()
      .catch((error: unknown) => {
        status.textContent = error instanceof Error ? error.message : String(error);
        status.hidden = false;
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  return form;
}

function field(label: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  return h('div', { class: 'vocab-field' }, h('label', { for: control.id }, label), control, hint ? h('p', { class: 'muted vocab-hint' }, hint) : null);
}

const WORDS_HINT = 'One per line, or separated by commas. Write the base form ("terminate"): terminates, terminated and termination are matched too. "..." allows a few words in between.';

/** "Add words": a box for new words or phrases. */
export function addWordsForm(className: string, action: FormAction<string[]>, onCancel: () => void): HTMLFormElement {
  const input = h('textarea', { id: nextId('add'), rows: '2', spellcheck: 'false' });
  const form = formShell(`Add words to {${className}}`, [field(`Words or phrases to add to {${className}}`, input, WORDS_HINT)], 'Save words', async () => {
    const words = splitWords(input.value);
    if (words.length === 0) throw new Error('Type at least one word or phrase to add.');
    await action(words);
  }, onCancel);
  queueMicrotask(() => input.focus());
  return form;
}

/** A class as the edit and new-class forms give it back. */
export interface ClassFormValue {
  name: string;
  means: string;
  words: string[];
}

/** "Edit" (name fixed) or "New class" (name asked): the meaning and the words, one per line. */
export function classForm(initial: { name?: string; means?: string; words?: readonly string[]; wordsLabel?: string }, action: FormAction<ClassFormValue>, onCancel: () => void): HTMLFormElement {
  const isNew = initial.name === undefined;
  const name = h('input', { id: nextId('name'), type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'e.g. recoup' });
  const means = h('input', { id: nextId('means'), type: 'text', autocomplete: 'off' });
  means.value = initial.means ?? '';
  const words = h('textarea', { id: nextId('words'), rows: String(Math.min(12, Math.max(3, (initial.words?.length ?? 0) + 1))), spellcheck: 'false' });
  words.value = (initial.words ?? []).join('\n');
  const fields = [
    isNew ? field('Class name', name, 'Lower-case words joined by hyphens. Rules use it as {name}.') : null,
    field('What the words have in common', means),
    field(initial.wordsLabel ?? 'Words and phrases', words, WORDS_HINT),
  ].filter((f): f is HTMLElement => f !== null);
  const form = formShell(isNew ? 'New vocabulary class' : `Edit {${initial.name}}`, fields, isNew ? 'Create class' : 'Save class', async () => {
    const value = { name: isNew ? name.value.trim() : initial.name!, means: means.value.trim(), words: splitWords(words.value) };
    if (value.words.length === 0) throw new Error('A class needs at least one word or phrase.');
    await action(value);
  }, onCancel);
  queueMicrotask(() => (isNew ? name : words).focus());
  return form;
}
