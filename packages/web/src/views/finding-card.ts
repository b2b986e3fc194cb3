/** One finding in the panel: its summary line and, when open, the quote, why it matters, the suggested change and the decision. */
import { h } from '../dom/h.ts';
import { renderMarkdown } from '../dom/markdown-dom.ts';
import { redlineDiff, redlineOptions, wordDiff, type DiffPart } from '../model/diff.ts';
import { ocrPages } from '../model/file-warnings.ts';
import { SEVERITY_LABEL, describeDecision, describeLocation } from '../model/review.ts';
import type { ClausePreview, Decision, Finding } from '../types.ts';
import { decisionControls } from './decision-controls.ts';
import type { ReviewActions } from './review-state.ts';

/** The list item for `finding`: a summary button, and the detail when it is the selected one. */
export function findingCard(actions: ReviewActions, finding: Finding): HTMLElement {
  const { state } = actions;
  const decision = state.review.decisions[finding.id];
  const selected = state.selected === finding.id;
  const summary = h(
    'button',
    { type: 'button', class: 'finding-summary', 'aria-expanded': selected ? 'true' : 'false', 'data-focus': 'summary' },
    h('span', { class: `dot sev-${finding.severity}`, 'aria-hidden': 'true' }),
    h(
      'span',
      { class: 'finding-head' },
      h('span', { class: 'finding-message' }, finding.message),
      h('span', { class: 'finding-where' }, finding.kind === 'absence' ? 'Missing protection' : describeLocation(finding.location) || 'Location not known'),
    ),
    state.fresh.has(finding.id) ? h('span', { class: 'badge new' }, 'New') : null,
    ocrPage(actions, finding) !== undefined ? h('span', { class: 'badge ocr', title: 'Read by OCR from a scanned page' }, 'OCR') : null,
    h('span', { class: decision ? `status decided ${decision.action}` : 'status' }, decision ? describeDecision(decision).split(' — ')[0]! : 'To decide'),
  );
  summary.addEventListener('click', () => actions.select(selected ? null : finding.id));
  const item = h('li', { class: selected ? 'finding selected' : 'finding', 'data-finding-index': String(actions.ordered.indexOf(finding)), 'data-key': finding.id }, summary);
  if (selected) item.append(findingDetail(actions, finding));
  return item;
}

/** The page of a finding's quote when that page was read by OCR. */
function ocrPage(actions: ReviewActions, finding: Finding): number | undefined {
  const page = finding.kind === 'presence' ? finding.location?.page : undefined;
  return page !== undefined && ocrPages(actions.state.review.document.warnings ?? []).includes(page) ? page : undefined;
}

function findingDetail(actions: ReviewActions, finding: Finding): HTMLElement {
  const { state } = actions;
  const detail = h('div', { class: 'finding-detail' });
  detail.append(h('p', { class: 'topic' }, `${SEVERITY_LABEL[finding.severity]} · ${actions.titleOf(finding)}`));

  if (finding.kind === 'presence' && finding.quote) {
    const where = describeLocation(finding.location);
    detail.append(h('figure', { class: 'quote' }, h('blockquote', {}, finding.quote), where ? h('figcaption', {}, where) : null));
    const page = ocrPage(actions, finding);
    if (page !== undefined) detail.append(h('p', { class: 'ocr-note' }, `Page ${page} is a scanned image read by OCR: check this wording against the page itself before relying on it.`));
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
  if (decision?.action === 'edit' && decision.scope === 'clause') {
    // The rewrite is the clause itself: the preview below shows it against the contract's text.
  } else if (decision?.action === 'edit' && finding.redline) {
    // The reader's own wording, once saved, is what the redline will propose: show that.
    detail.append(h('h3', {}, 'Your wording (saved)'), diffView(redlineDiff(state.review.document.text, finding, decision.text)));
  } else if (finding.redline && options.length > 0) {
    detail.append(h('h3', {}, finding.redline.op === 'insert' ? 'Suggested language to add' : 'Suggested change'));
    if (options.length > 1) {
      const fieldset = h('fieldset', { class: 'options' }, h('legend', {}, 'Wording to propose'));
      options.forEach((option, index) => {
        const radio = h('input', { type: 'radio', name: `opt-${finding.id}`, checked: index === chosenIndex, 'data-focus': `option-${index}` });
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
  const preview = decision?.action === 'reject' ? undefined : state.previews.get(finding.id);
  if (preview) detail.append(...previewView(preview, decision, options.length > 1));
  detail.append(...decisionControls(actions, finding, options, chosenIndex));
  return detail;
}

/** The clause as the decisions make it read (or would, if this finding were accepted), marked against the contract's text. */
function previewView(preview: ClausePreview, decision: Decision | undefined, fallbacks: boolean): HTMLElement[] {
  const heading = preview.basis === 'if-accepted' ? (fallbacks ? 'If you accept the preferred wording, the clause will read' : 'If you accept, the clause will read') : decision?.action === 'edit' && decision.scope === 'clause' ? 'Your wording of the clause (saved)' : 'The clause will read';
  const out: HTMLElement[] = [h('h3', {}, heading), diffView(wordDiff(preview.before, preview.after), 'The clause as it will read: struck-out text is removed, underlined text is added', 'diff clause-preview')];
  if (preview.note) out.push(h('p', { class: 'muted' }, preview.note));
  return out;
}

function diffView(parts: DiffPart[], label = 'Suggested change: struck-out text is removed, underlined text is added', className = 'diff'): HTMLElement {
  const view = h('p', { class: className, 'aria-label': label });
  for (const part of parts) {
    if (part.kind === 'same') view.append(document.createTextNode(part.text));
    else if (part.kind === 'deleted') view.append(h('del', { title: 'Removed' }, part.text));
    else view.append(h('ins', { title: 'Added' }, part.text));
  }
  return view;
}
