/**
 * The rule editor (/rules/:ruleset/:rule): pick a rule, edit its YAML with problems shown at
 * their line and column as you type, try it on pasted contract text, and save it as your own
 * rule. Bundled rules are never overwritten: saving one stores your copy in "My rules", where
 * it replaces the bundled rule for reviews analysed with that ruleset. The Vocabulary tab lists
 * the classes rules use as {name}; typing `{` in the editor offers them.
 */
import { clear, h } from '../../dom/h.ts';
import { newRuleYaml } from '../../model/new-rule.ts';
import { examplesNote } from '../../model/rule-check.ts';
import { ruleIdOf } from '../../model/rule-list.ts';
import { placeholderOptions } from '../../model/vocabulary.ts';
import { deleteRule, getRule, listRules, listRulesets, saveRule, setRuleOff, validateRule, type RuleProblem, type RuleText, type Validation } from '../../rules-api.ts';
import { conceptTitle, ruleSidebar } from './rule-sidebar.ts';
import { tabs } from './rule-tabs.ts';
import { tryPanel } from './try-panel.ts';
import { vocabularyTab } from './vocabulary-tab.ts';
import { yamlEditor } from './yaml-editor.ts';
import './rules.css';

/** The user ruleset that edits of bundled rules are saved to. */
const MY_RULES = 'user:my-rules';

/** A screen the router can dispose and ask before leaving. */
export interface RulesScreen {
  element: HTMLElement;
  title: string;
  /** False when the user has unsaved changes and chose to stay. */
  confirmLeave(): boolean;
  dispose(): void;
}

/** The path of a rule in the editor. */
export const rulePath = (rulesetId: string, ruleId: string): string => `/rules/${encodeURIComponent(rulesetId)}/${encodeURIComponent(ruleId)}`;

// A message to show on the next screen (after a save or delete navigates).
let notice: string | undefined;

function problemsList(problems: RuleProblem[], focusAt: (line: number, col: number) => void): HTMLElement {
  return h(
    'ol',
    { class: 'rule-problems' },
    problems.map((p) => h('li', {}, h('button', { type: 'button', class: 'linklike', onclick: () => focusAt(p.line, p.col) }, `Line ${p.line}, column ${p.col}`), `: ${p.message}`)),
  );
}

/** Build the screen for `rulesetId` / `ruleId` (either may be missing: sensible defaults are opened). */
export async function rulesScreen(rulesetId: string | undefined, ruleId: string | undefined, search: URLSearchParams, navigate: (path: string) => void): Promise<RulesScreen> {
  const rulesets = await listRulesets();
  const chosen = rulesets.find((r) => r.id === rulesetId) ?? rulesets.find((r) => r.id === MY_RULES) ?? rulesets[0]!;
  // The vocabulary feeds the `{` completions and the Vocabulary tab; it loads alongside, unwaited.
  const vocabulary = vocabularyTab({
    ruleset: chosen,
    myRules: { id: MY_RULES, name: 'My rules', exists: rulesets.some((r) => r.id === MY_RULES) },
    ruleHref: (id) => rulePath(chosen.id, id),
    moveToMyRules: (text) => {
      notice = text;
      const here = location.pathname + location.search;
      navigate(`${rulePath(MY_RULES, isNew ? 'new' : (openId ?? 'new'))}?${isNew ? `concept=${encodeURIComponent(concept)}&` : ''}view=vocabulary`);
      // Staying (the user keeps unsaved changes): say it here instead.
      if (location.pathname + location.search === here) {
        notice = undefined;
        showMessage(text, 'ok');
      }
    },
    changed: (text) => {
      showMessage(text, 'ok');
      editor.recheck(); // the rule may use the class that just changed
    },
  });
  const catalog = await listRules(chosen.id);
  const isNew = ruleId === 'new';
  const openId = isNew ? undefined : (ruleId ?? catalog.rules[0]?.id);
  if (!ruleId && openId) history.replaceState(null, '', rulePath(chosen.id, openId));

  let rule: RuleText | undefined;
  if (openId) rule = await getRule(chosen.id, openId);
  const concept = search.get('concept') ?? catalog.concepts[0]?.id ?? 'my-concept';
  const initial = rule?.yaml ?? newRuleYaml(concept);
  let saved = initial;

  const savesTo = chosen.source === 'bundled' ? MY_RULES : chosen.id;
  const title = h('h1', {}, isNew ? 'New rule' : (catalog.rules.find((r) => r.id === openId)?.title ?? openId ?? 'Rules'));
  const origin = h('p', { class: 'rule-origin muted' });
  const status = h('div', { class: 'rule-status', role: 'status', 'aria-live': 'polite' });
  const problemsBox = h('div', { class: 'rule-problems-box' });
  const message = h('div', { class: 'rule-message', role: 'alert' });
  const saveLabel = chosen.source === 'bundled' ? 'Save as my rule' : 'Save';
  const saveButton = h('button', { type: 'button', class: 'button' }, saveLabel);
  const discardButton = h('button', { type: 'button', class: 'button secondary', disabled: true }, 'Discard changes');
  const deleteButton = rule?.origin === 'user' ? h('button', { type: 'button', class: 'button reject' }, rule.replacesBundled ? 'Go back to the bundled rule' : 'Delete my rule') : null;

  // Turning off: in a user ruleset, this rule there; from a bundled ruleset, the rule in My rules.
  const offTarget = chosen.source === 'bundled' ? MY_RULES : chosen.id;
  const isOff = rule?.disabled === true;
  const offButton =
    rule && !(rule.origin === 'user' && !rule.replacesBundled)
      ? h('button', { type: 'button', class: 'button secondary' }, isOff ? 'Turn back on' : chosen.source === 'bundled' ? 'Turn off in My rules' : 'Turn off')
      : null;

  if (isNew) origin.textContent = `A new rule. Saving stores it in your own rules (${savesTo === MY_RULES ? 'My rules' : chosen.name}).`;
  else if (rule?.origin === 'user') origin.textContent = rule.replacesBundled ? 'Your version of a bundled rule. It replaces the bundled rule when you review with this ruleset.' : 'Your own rule.';
  else origin.textContent = `Bundled rule (${chosen.name}). It is never changed: saving stores your copy in My rules, which replaces this rule when you review with My rules.`;
  if (isOff) origin.textContent = 'Turned off in this ruleset: it flags nothing in reviews that use it. Turn it back on to use it again.';

  const showMessage = (text: string, kind: 'ok' | 'error') => {
    clear(message);
    message.append(h('p', { class: kind === 'ok' ? 'ok-note' : 'error' }, text));
  };
  if (notice) showMessage(notice, 'ok');
  notice = undefined;

  const dirty = () => editor.text() !== saved;
  const updateDirty = () => {
    discardButton.disabled = !dirty() || isNew;
    saveButton.textContent = saveLabel + (dirty() ? ' *' : '');
  };

  // How the last check ran the rule's examples, for the line that says there are no problems.
  let examples: Validation['examples'] = { total: 0, failed: 0 };
  const editor = yamlEditor({
    initial,
    check: async (text) => {
      const validation = await validateRule(text, chosen.id);
      examples = validation.examples;
      return validation.errors;
    },
    onChange: () => {
      updateDirty();
      clear(message);
    },
    onChecked: (problems, text) => {
      clear(status);
      clear(problemsBox);
      if (problems.length === 0) {
        status.append(h('p', { class: 'check ok' }, `No problems found. ${examplesNote(examples)}`));
      } else {
        status.append(h('p', { class: 'check bad' }, problems.length === 1 ? '1 problem to fix before saving:' : `${problems.length} problems to fix before saving:`));
        problemsBox.append(problemsList(problems, (line, col) => editor.focusAt(line, col)));
      }
      const id = ruleIdOf(text);
      if (isNew && id) title.textContent = `New rule: ${id}`;
    },
    onCheckFailed: (error) => {
      clear(status);
      status.append(h('p', { class: 'check bad' }, `The rule could not be checked: ${error instanceof Error ? error.message : String(error)}`));
    },
    placeholders: () => placeholderOptions(vocabulary.classes()),
  });

  const rulePane = h('div', { class: 'rule-pane' }, status, problemsBox, editor.element, tryPanel(() => editor.text(), chosen.id));
  const view = tabs(
    [
      { key: 'rule', label: 'Rule', panel: rulePane },
      { key: 'vocabulary', label: 'Vocabulary', panel: vocabulary.element },
    ],
    search.get('view') === 'vocabulary' ? 'vocabulary' : 'rule',
    (key) => {
      if (key === 'vocabulary') void vocabulary.open();
      const params = new URLSearchParams(location.search);
      if (key === 'vocabulary') params.set('view', 'vocabulary');
      else params.delete('view');
      const query = params.toString();
      history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
    },
  );
  if (search.get('view') === 'vocabulary') void vocabulary.open();

  saveButton.addEventListener('click', async () => {
    const text = editor.text();
    const id = ruleIdOf(text);
    if (!id) {
      showMessage('The rule needs an id line at the top, like "id: audit-lookback-strict" (lower-case words joined by hyphens).', 'error');
      return;
    }
    saveButton.disabled = true;
    try {
      const result = await saveRule(savesTo, id, text);
      saved = text;
      notice = result.replacesBundled ? `Saved to your rules. Your version replaces the bundled rule "${id}" in reviews that use My rules.` : `Saved "${id}" to your rules.`;
      if (openId && id !== openId && rule) notice += ` The rule "${openId}" is unchanged.`;
      navigate(rulePath(result.ruleset, result.id));
    } catch (error) {
      showMessage(error instanceof Error ? error.message : String(error), 'error');
      editor.recheck();
    } finally {
      saveButton.disabled = false;
    }
  });

  discardButton.addEventListener('click', () => {
    if (!confirm('Discard your changes to this rule?')) return;
    editor.setText(saved);
    updateDirty();
  });

  deleteButton?.addEventListener('click', async () => {
    if (!rule) return;
    const question = rule.replacesBundled ? `Delete your version of "${rule.id}" and use the bundled rule again?` : `Delete your rule "${rule.id}"? This cannot be undone.`;
    if (!confirm(question)) return;
    try {
      await deleteRule(chosen.id, rule.id);
      saved = editor.text(); // nothing left to lose
      notice = rule.replacesBundled ? `Your version of "${rule.id}" was deleted; the bundled rule applies again.` : `Your rule "${rule.id}" was deleted.`;
      navigate(rule.replacesBundled ? rulePath(chosen.id, rule.id) : `/rules/${encodeURIComponent(chosen.id)}`);
    } catch (error) {
      showMessage(error instanceof Error ? error.message : String(error), 'error');
    }
  });

  offButton?.addEventListener('click', async () => {
    if (!rule) return;
    if (dirty() && !confirm('Turning the rule off or on does not save your changes to its text. Continue without saving them?')) return;
    offButton.disabled = true;
    try {
      const result = await setRuleOff(offTarget, rule.id, !isOff);
      saved = editor.text(); // the choice was made above
      notice = result.disabled
        ? `"${rule.id}" is turned off in ${offTarget === MY_RULES ? 'My rules' : chosen.name}: reviews that use ${offTarget === MY_RULES ? 'My rules' : 'this ruleset'} will not flag it.`
        : `"${rule.id}" is turned back on.`;
      navigate(rulePath(result.ruleset, result.id));
    } catch (error) {
      showMessage(error instanceof Error ? error.message : String(error), 'error');
    } finally {
      offButton.disabled = false;
    }
  });

  const beforeUnload = (event: BeforeUnloadEvent) => {
    if (dirty()) event.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);

  const conceptName = rule ? catalog.rules.find((r) => r.id === rule.id)?.concept : concept;
  const element = h(
    'div',
    { class: 'rules-screen' },
    ruleSidebar({ rulesets, catalog, currentRuleId: openId, rulePath, navigate }),
    h(
      'section',
      { class: 'rule-main', 'aria-labelledby': 'rule-title' },
      h(
        'header',
        { class: 'rule-header' },
        h('div', {}, conceptName ? h('p', { class: 'rule-concept muted' }, conceptTitle(catalog, conceptName)) : null, title, origin),
        h('div', { class: 'rule-actions' }, saveButton, discardButton, offButton, deleteButton),
      ),
      message,
      view.strip,
      ...view.panels,
    ),
  );
  title.id = 'rule-title';
  updateDirty();

  return {
    element,
    title: `${title.textContent ?? 'Rules'} — Rules`,
    confirmLeave: () => !dirty() || confirm('This rule has unsaved changes. Leave without saving?'),
    dispose() {
      window.removeEventListener('beforeunload', beforeUnload);
      editor.destroy();
    },
  };
}
