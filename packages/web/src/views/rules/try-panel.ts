/** "Try it": run the rule being edited on pasted contract text and show what it flags. */
import { clear, h } from '../../dom/h.ts';
import { SEVERITY_LABEL } from '../../model/review.ts';
import { tryRule } from '../../rules-api.ts';
import type { Finding } from '../../types.ts';

const SAMPLE_HINT = 'Paste a clause or a whole contract here, e.g. "Plan may audit any claim at any time and recover any overpayment."';

function findingCard(finding: Finding): HTMLElement {
  const where = [finding.location.section, finding.location.label].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: `try-finding sev-${finding.severity}` },
    h('p', { class: 'try-finding-head' }, h('span', { class: `dot sev-${finding.severity}`, 'aria-hidden': 'true' }), h('strong', {}, SEVERITY_LABEL[finding.severity]), where ? h('span', { class: 'muted' }, ` · ${where}`) : null),
    h('p', {}, finding.message),
    finding.kind === 'absence' ? h('p', { class: 'muted' }, 'Flagged because the language is missing from the text.') : h('blockquote', { class: 'try-quote' }, h('mark', { class: `sev-${finding.severity}` }, finding.quote)),
    finding.redline?.text ? h('p', { class: 'try-suggestion' }, h('span', { class: 'muted' }, 'Suggested: '), finding.redline.text) : null,
  );
}

/**
 * The panel; `currentYaml` gives the editor's text at the moment the user presses Try, and
 * the rule runs with the vocabulary of `rulesetId` (so words just added to a class count).
 */
export function tryPanel(currentYaml: () => string, rulesetId: string): HTMLElement {
  const input = h('textarea', { id: 'try-text', rows: '7', placeholder: SAMPLE_HINT, spellcheck: 'false' });
  const results = h('div', { class: 'try-results', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'button' }, 'Try the rule on this text');

  async function run(): Promise<void> {
    const text = input.value;
    clear(results);
    if (!text.trim()) {
      results.append(h('p', { class: 'error' }, 'Paste some contract text first.'));
      input.focus();
      return;
    }
    button.disabled = true;
    results.append(h('p', { class: 'muted' }, 'Running the rule…'));
    try {
      const findings = await tryRule(currentYaml(), text, rulesetId);
      clear(results);
      results.append(
        findings.length === 0
          ? h('p', { class: 'try-none' }, 'Nothing flagged: the rule does not flag this text.')
          : h('div', {}, h('p', { class: 'try-count' }, findings.length === 1 ? 'The rule flags 1 passage:' : `The rule flags ${findings.length} passages:`), h('ul', { class: 'try-list' }, findings.map(findingCard))),
      );
    } catch (error) {
      clear(results);
      results.append(h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
    } finally {
      button.disabled = false;
    }
  }

  button.addEventListener('click', () => void run());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  });
  return h('section', { class: 'try-panel', 'aria-labelledby': 'try-title' }, h('h2', { id: 'try-title' }, 'Try it on contract text'), h('label', { for: 'try-text', class: 'visually-hidden' }, 'Contract text to try the rule on'), input, h('div', { class: 'try-actions' }, button, h('span', { class: 'muted' }, 'Ctrl+Enter')), results);
}
