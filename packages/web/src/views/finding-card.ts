/// <reference lib="dom" />
/** One finding in the panel: its summary line and, when open, the quote, why it matters, the suggested change and the decision. */
import { h } from '../dom/h.ts';
import { renderMarkdown } from '../dom/markdown-dom.ts';
import { redlineDiff, redlineOptions, type DiffPart } from '../model/diff.ts';
import { SEVERITY_LABEL, describeDecision, describeLocation } from '../model/review.ts';
import type { Finding } from '../types.ts';
import { decisionControls } from './decision-controls.ts';
import type { ReviewActions } from './review-state.ts';

/** The list item for `finding`: a summary button, and the detail when it is the selected one. */
export function findingCard(actions: ReviewActions, finding: Finding): HTMLElement {
  const { state } = actions;
  const decision = state.review.decisions[finding.id];
  const selected = state.selected === finding.id;
  const summary = h(
    'button',
    { type: 'button', class: 'finding-summary', 'aria-expanded': selected ? 'true' : 'false' },
    h('span', { class: `dot sev-${finding.severity}`, 'aria-hidden': 'true' }),
    h(
      'span',
      { class: 'finding-head' },
      h('span', { class: 'finding-message' }, finding.message),
      h('span', { class: 'finding-where' }, finding.kind === 'absence' ? 'Missing protection' : describeLocation(finding.location) || 'Location not known'),
    ),
    state.fresh.has(finding.id) ? h('span', { class: 'badge new' }, 'New') : null,
    h('span', { class: decision ? `status decided ${decision.action}` : 'status' }, decision ? describeDecision(decision).split(' — ')[0]! : 'To decide'),
  );
  summary.addEventListener('click', () => actions.select(selected ? null : finding.id));
  const item = h('li', { class: selected ? 'finding selected' : 'finding', 'data-finding-index': String(actions.ordered.indexOf(finding)) }, summary);
  if (selected) item.append(findingDetail(actions, finding));
  return item;
}

function findingDetail(actions: ReviewActions, finding: Finding): HTMLElement {
  const { state } = actions;
  const detail = h('div', { class: 'finding-detail' });
  detail.append(h('p', { class: 'topic' }, `${SEVERITY_LABEL[finding.severity]} · ${actions.titleOf(finding)}`));

  if (finding.kind === 'presence' && finding.quote) {
    const where = describeLocation(finding.location);
    detail.append(h('figure', { class: 'quote' }, h('blockquote', {}, finding.quote), where ? h('figcaption', {}, where) : null));
  } else if (finding.nearMiss) {
    // What the contract does have, and why it does not count, so a "missing" can be checked.
    detail.append(h('p', { class: 'near-miss' }, finding.nearMiss.summary));
  }
  if (finding.explanation.trim()) {
    detail.append(h('h3', {}, 'Why it matters'), h('div', { class: 'explanation' }, renderMarkdown(finding.explanation)));
  }

  const options = redlineOptions(finding.redline);
  const decision = state.review.decisions[finding.id];
  // The option a saved acceptance chose is the one shown until the reader picks another.
  const savedIndex = decision?.action === 'accept' && decision.alternative !== undefined ? decision.alternative + 1 : 0;
  const chosenIndex = Math.min(state.option.get(finding.id) ?? savedIndex, Math.max(options.length - 1, 0));
  if (decision?.action === 'edit' && finding.redline) {
    // The reader's own wording, once saved, is what the redline will propose: show that.
    detail.append(h('h3', {}, 'Your wording (saved)'), diffView(redlineDiff(state.review.document.text, finding, decision.text)));
  } else if (finding.redline && options.length > 0) {
    detail.append(h('h3', {}, finding.redline.op === 'insert' ? 'Suggested language to add' : 'Suggested change'));
    if (options.length > 1) {
      const fieldset = h('fieldset', { class: 'options' }, h('legend', {}, 'Wording to propose'));
      options.forEach((option, index) => {
        const radio = h('input', { type: 'radio', name: `opt-${finding.id}`, checked: index === chosenIndex });
        radio.addEventListener('change', () => {
          state.option.set(finding.id, index);
          actions.renderPanel();
        });
        fieldset.append(h('label', {}, radio, ` ${option.label}`));
      });
      detail.append(fieldset);
    }
    detail.append(diffView(redlineDiff(state.review.document.text, finding, options[chosenIndex]!.text)));
    if (finding.redline.note) detail.append(h('p', { class: 'note' }, h('strong', {}, 'Note for the negotiator: '), finding.redline.note));
  } else {
    detail.append(h('p', { class: 'muted' }, 'There is no suggested wording for this finding. Accepting it flags the clause with a comment in the internal redline; the payer copy leaves it as it is.'));
  }
  detail.append(...decisionControls(actions, finding, options, chosenIndex));
  return detail;
}

function diffView(parts: DiffPart[]): HTMLElement {
  const view = h('p', { class: 'diff', 'aria-label': 'Suggested change: struck-out text is removed, underlined text is added' });
  for (const part of parts) {
    if (part.kind === 'same') view.append(document.createTextNode(part.text));
    else if (part.kind === 'deleted') view.append(h('del', { title: 'Removed' }, part.text));
    else view.append(h('ins', { title: 'Added' }, part.text));
  }
  return view;
}
