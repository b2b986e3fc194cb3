/** "Your decision" inside a finding card: the current decision, a reason, and accept / edit / reject. */
import { h } from '../dom/h.ts';
import type { RedlineOption } from '../model/diff.ts';
import { describeDecision } from '../model/review.ts';
import type { Finding } from '../types.ts';
import type { EditScope, ReviewActions } from './review-state.ts';

/** The decision section for `finding`, given the wording options and the one chosen. */
export function decisionControls(actions: ReviewActions, finding: Finding, options: readonly RedlineOption[], chosenIndex: number): HTMLElement[] {
  const { state } = actions;
  const decision = state.review.decisions[finding.id];
  const busy = state.busy === finding.id;
  // While a decision is saved its buttons say so with aria-disabled rather than `disabled`: a
  // disabled button cannot hold focus, so the keyboard would fall back to the top of the page.
  // What the button showed when pressed decides (a reason being saved from the box just left does
  // not block the decision pressed: the screen queues it behind that save).
  const waiting = busy ? { 'aria-disabled': 'true' } : {};
  const out: HTMLElement[] = [h('h3', {}, 'Your decision'), h('p', { class: decision ? 'current-decision decided' : 'current-decision' }, describeDecision(decision))];

  // The box shows the saved reason; once decided, a change is saved when the reader leaves the box.
  const note = h('textarea', { rows: '2', class: 'reason', 'data-focus': 'reason', 'aria-label': 'Reason or note (optional)', placeholder: 'Reason or note (optional), kept with your decision' });
  note.value = state.notes.get(finding.id) ?? decision?.reason ?? '';
  note.addEventListener('input', () => state.notes.set(finding.id, note.value));
  note.addEventListener('change', () => {
    if (decision) void actions.saveReason(finding, note.value);
  });
  out.push(h('label', { class: 'field-label' }, 'Reason or note (optional)'), note);

  const scope = state.editing.get(finding.id);
  if (scope) {
    const preview = state.previews.get(finding.id);
    const savedText = decision?.action === 'edit' && (decision.scope === 'clause') === (scope === 'clause') ? decision.text : undefined;
    const start = scope === 'clause' ? (savedText ?? preview?.after ?? finding.quote) : (savedText ?? options[chosenIndex]?.text ?? finding.quote);
    const label = scope === 'clause' ? 'The whole clause as it should read' : 'Your wording';
    const editor = h('textarea', { rows: scope === 'clause' ? '10' : '6', class: 'editor', 'data-focus': 'editor', 'aria-label': label });
    editor.value = state.drafts.get(finding.id) ?? start;
    editor.addEventListener('input', () => state.drafts.set(finding.id, editor.value));
    const save = h('button', { type: 'button', class: 'button', 'data-focus': 'save', ...waiting }, scope === 'clause' ? 'Save the clause' : 'Save my wording');
    save.addEventListener('click', () => {
      if (busy) return;
      if (!editor.value.trim()) {
        state.errors.set(finding.id, scope === 'clause' ? 'Type the clause as it should read, or reject the finding instead.' : 'Type the wording you want to propose, or reject the finding instead.');
        actions.renderPanel();
        return;
      }
      void actions.decide(finding, 'edit', editor.value, scope === 'clause' ? 'clause' : undefined);
    });
    const cancel = h('button', { type: 'button', class: 'button secondary', 'data-focus': 'cancel' }, 'Cancel');
    cancel.addEventListener('click', () => {
      state.editing.delete(finding.id);
      state.drafts.delete(finding.id);
      actions.renderPanel();
    });
    out.push(h('label', { class: 'field-label' }, label), editor);
    if (scope === 'clause') out.push(h('p', { class: 'muted' }, 'The clause number and caption stay as the contract has them. Other changes to this clause give way to your wording.'));
    out.push(h('div', { class: 'actions' }, save, cancel));
  } else {
    const accept = h('button', { type: 'button', class: 'button accept', 'data-focus': 'accept', ...waiting }, options.length > 1 ? `Accept ${options[chosenIndex]!.label.toLowerCase()}` : 'Accept');
    accept.addEventListener('click', () => {
      if (!busy) void actions.decide(finding, 'accept');
    });
    const openEditor = (mode: EditScope) => () => {
      if (busy) return;
      state.editing.set(finding.id, mode);
      state.drafts.delete(finding.id);
      actions.renderPanel();
    };
    const edit = h('button', { type: 'button', class: 'button secondary', 'data-focus': 'edit', ...waiting }, 'Edit wording…');
    edit.addEventListener('click', openEditor('words'));
    // A clause of the contract can be rewritten whole; a missing clause is edited as a whole already.
    const clause = finding.span ? h('button', { type: 'button', class: 'button secondary', 'data-focus': 'clause', ...waiting }, 'Edit whole clause…') : null;
    clause?.addEventListener('click', openEditor('clause'));
    const reject = h('button', { type: 'button', class: 'button reject', 'data-focus': 'reject', ...waiting }, 'Reject');
    reject.addEventListener('click', () => {
      if (!busy) void actions.decide(finding, 'reject');
    });
    out.push(h('div', { class: 'actions' }, accept, edit, clause, reject));
  }
  if (busy) out.push(h('p', { class: 'muted', role: 'status' }, 'Saving…'));
  const error = state.errors.get(finding.id);
  if (error) out.push(h('p', { class: 'error', role: 'alert' }, error));
  return out;
}
