/// <reference lib="dom" />
/** The review screen: contract text with highlights, the findings panel, and the checklist tab. */
import { exportDocxUrl, getReview, memoUrl, putDecision } from '../api.ts';
import { clear, h } from '../dom/h.ts';
import { renderMarkdown } from '../dom/markdown-dom.ts';
import { redlineDiff, redlineOptions, type DiffPart } from '../model/diff.ts';
import {
  SEVERITY_LABEL,
  decisionBody,
  describeDecision,
  describeLocation,
  formatDate,
  groupBySeverity,
  humanize,
  matchesFilter,
  orderFindings,
  step,
  tally,
  type FindingFilter,
  type StatusFilter,
} from '../model/review.ts';
import { blockForFinding } from '../model/segments.ts';
import { SEVERITIES, type Finding, type Review, type Severity } from '../types.ts';
import { renderChecklistTab } from './checklist.ts';
import { renderContract, type RenderedContract } from './contract.ts';

export type ReviewTab = 'text' | 'checklist';

interface State {
  review: Review;
  tab: ReviewTab;
  selected: string | null;
  filter: { severities: Set<Severity>; status: StatusFilter };
  /** Chosen option per finding: index into redlineOptions(). */
  option: Map<string, number>;
  editing: Set<string>;
  busy: string | null;
  errors: Map<string, string>;
  notes: Map<string, string>;
  /** Unsaved wording in the editor, per finding (survives re-renders). */
  drafts: Map<string, string>;
}

export interface ReviewScreen {
  element: HTMLElement;
  dispose(): void;
}

export async function reviewScreen(id: string, tab: ReviewTab, navigate: (path: string) => void): Promise<ReviewScreen> {
  const review = await getReview(id);
  const state: State = {
    review,
    tab,
    selected: null,
    filter: { severities: new Set(SEVERITIES), status: 'all' },
    option: new Map(),
    editing: new Set(),
    busy: null,
    errors: new Map(),
    notes: new Map(),
    drafts: new Map(),
  };
  const ordered = orderFindings(review.findings);
  const byId = new Map(review.findings.map((f) => [f.id, f]));
  const titleOf = (f: Finding): string => review.rules?.[f.ruleId]?.title ?? humanize(f.concept);

  const root = h('div', { class: 'review' });
  const header = h('header', { class: 'review-header' });
  const body = h('div', { class: 'review-body' });
  root.append(header, body);

  // Contract column (built once; highlights are updated in place).
  let contract: RenderedContract | null = null;
  const contractPane = h('section', { class: 'contract-pane', 'aria-label': 'Contract' });
  const panel = h('aside', { class: 'findings-panel', 'aria-label': 'Findings' });

  const visible = (): Finding[] => ordered.filter((f) => matchesFilter(f, state.review.decisions, state.filter as FindingFilter));

  // ---------- header ----------
  function renderHeader(): void {
    clear(header);
    const t = tally(state.review);
    header.append(
      h('a', { href: '/', class: 'back', 'data-nav': '' }, '← All reviews'),
      h(
        'div',
        { class: 'title-row' },
        h('div', {}, h('h1', {}, review.name), h('p', { class: 'meta' }, `Uploaded ${formatDate(review.created)} · ${review.format === 'pdf' ? 'PDF' : 'Word'} · ${review.ruleset.name}`)),
        h(
          'div',
          { class: 'exports' },
          h('a', { class: 'button', href: exportDocxUrl(review.id), download: '' }, 'Download redlined Word file'),
          h('a', { class: 'button secondary', href: memoUrl(review.id), download: '' }, 'Download review memo'),
        ),
      ),
      h(
        'div',
        { class: 'progress-row' },
        h('span', { class: 'decided' }, t.total === 0 ? 'No findings' : `${t.decided} of ${t.total} findings decided`),
        h('progress', { max: String(Math.max(t.total, 1)), value: String(t.decided), 'aria-label': 'Findings decided' }),
      ),
      h(
        'nav',
        { class: 'tabs', 'aria-label': 'Review views' },
        tabLink('text', 'Contract and findings'),
        tabLink('checklist', 'Checklist and summary'),
      ),
    );
  }

  function tabLink(which: ReviewTab, label: string): HTMLElement {
    const href = which === 'text' ? `/reviews/${encodeURIComponent(review.id)}` : `/reviews/${encodeURIComponent(review.id)}/checklist`;
    return h('a', { href, 'data-nav': '', class: state.tab === which ? 'tab current' : 'tab', 'aria-current': state.tab === which ? 'page' : null }, label);
  }

  // ---------- selection ----------
  function select(findingId: string | null, options: { scrollText?: boolean; scrollPanel?: boolean } = {}): void {
    if (contract) {
      for (const el of contract.element.querySelectorAll('.is-current')) el.classList.remove('is-current');
    }
    state.selected = findingId;
    renderPanel();
    if (!findingId || !contract) return;
    const finding = byId.get(findingId);
    const marks = contract.marks.get(findingId) ?? [];
    for (const mark of marks) mark.classList.add('is-current');
    if (options.scrollText !== false) {
      const target = marks[0] ?? (finding ? contract.blocks.get(blockForFinding(review.document.blocks, finding)?.id ?? '') : undefined);
      if (target) {
        if (!marks[0]) target.classList.add('is-current');
        target.scrollIntoView({ behavior: 'smooth', block: 'center' });
      }
    }
    if (options.scrollPanel !== false) panel.querySelector(`[data-finding-index="${ordered.findIndex((f) => f.id === findingId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  function refreshDecidedMarks(): void {
    if (!contract) return;
    for (const [fid, marks] of contract.marks) {
      const decided = state.review.decisions[fid] !== undefined;
      for (const mark of marks) mark.classList.toggle('is-decided', decided);
    }
  }

  // ---------- decisions ----------
  async function decide(finding: Finding, action: 'accept' | 'edit' | 'reject', text?: string): Promise<boolean> {
    const options = redlineOptions(finding.redline);
    const chosen = options[state.option.get(finding.id) ?? 0];
    const bodyJson = decisionBody(action, { alternative: chosen?.alternative, text: text ?? '', reason: state.notes.get(finding.id) ?? '' });
    state.busy = finding.id;
    state.errors.delete(finding.id);
    renderPanel();
    try {
      const saved = await putDecision(review.id, finding.id, bodyJson);
      state.review.decisions[finding.id] = saved;
      state.editing.delete(finding.id);
      state.drafts.delete(finding.id);
      return true;
    } catch (error) {
      state.errors.set(finding.id, error instanceof Error ? error.message : String(error));
      return false;
    } finally {
      state.busy = null;
      renderHeader();
      refreshDecidedMarks();
      renderPanel();
    }
  }

  // ---------- panel ----------
  function renderPanel(): void {
    const scroll = panel.scrollTop;
    clear(panel);
    panel.append(renderFilters());
    const list = visible();
    if (list.length === 0) panel.append(h('p', { class: 'empty' }, review.findings.length === 0 ? 'No risks were found in this contract.' : 'No findings match these filters.'));
    for (const group of groupBySeverity(list)) {
      panel.append(
        h(
          'section',
          { class: `group sev-${group.severity}` },
          h('h2', {}, `${SEVERITY_LABEL[group.severity]} (${group.findings.length})`),
          h('ol', { class: 'finding-list' }, group.findings.map((f) => findingItem(f))),
        ),
      );
    }
    panel.append(h('p', { class: 'shortcuts' }, 'Keyboard: J next · K previous · A accept · R reject'));
    panel.scrollTop = scroll;
  }

  function renderFilters(): HTMLElement {
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, review.findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
    const boxes = SEVERITIES.map((severity) => {
      const input = h('input', { type: 'checkbox', checked: state.filter.severities.has(severity) });
      input.addEventListener('change', () => {
        if (input.checked) state.filter.severities.add(severity);
        else state.filter.severities.delete(severity);
        renderPanel();
      });
      return h('label', { class: `chip sev-${severity}` }, input, ` ${SEVERITY_LABEL[severity]} (${counts[severity]})`);
    });
    const status = h(
      'select',
      { 'aria-label': 'Show' },
      (['all', 'undecided', 'decided'] as const).map((value) =>
        h('option', { value, selected: state.filter.status === value }, value === 'all' ? 'All findings' : value === 'undecided' ? 'Not decided yet' : 'Decided'),
      ),
    );
    status.addEventListener('change', () => {
      state.filter.status = status.value as StatusFilter;
      renderPanel();
    });
    return h('div', { class: 'filters', role: 'group', 'aria-label': 'Filter findings' }, boxes, h('label', { class: 'status-filter' }, 'Show ', status));
  }

  function findingItem(finding: Finding): HTMLElement {
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
      h('span', { class: decision ? `status decided ${decision.action}` : 'status' }, decision ? describeDecision(decision).split(' — ')[0]! : 'To decide'),
    );
    summary.addEventListener('click', () => select(selected ? null : finding.id));
    const item = h('li', { class: selected ? 'finding selected' : 'finding', 'data-finding-index': String(ordered.indexOf(finding)) }, summary);
    if (selected) item.append(findingDetail(finding));
    return item;
  }

  function findingDetail(finding: Finding): HTMLElement {
    const decision = state.review.decisions[finding.id];
    const busy = state.busy === finding.id;
    const detail = h('div', { class: 'finding-detail' });
    detail.append(h('p', { class: 'topic' }, `${SEVERITY_LABEL[finding.severity]} · ${titleOf(finding)}`));

    if (finding.kind === 'presence' && finding.quote) {
      const where = describeLocation(finding.location);
      detail.append(h('figure', { class: 'quote' }, h('blockquote', {}, finding.quote), where ? h('figcaption', {}, where) : null));
    }
    if (finding.explanation.trim()) {
      detail.append(h('h3', {}, 'Why it matters'), h('div', { class: 'explanation' }, renderMarkdown(finding.explanation)));
    }

    const options = redlineOptions(finding.redline);
    const chosenIndex = Math.min(state.option.get(finding.id) ?? 0, Math.max(options.length - 1, 0));
    if (finding.redline && options.length > 0) {
      detail.append(h('h3', {}, finding.redline.op === 'insert' ? 'Suggested language to add' : 'Suggested change'));
      if (options.length > 1) {
        const fieldset = h('fieldset', { class: 'options' }, h('legend', {}, 'Wording to propose'));
        options.forEach((option, index) => {
          const radio = h('input', { type: 'radio', name: `opt-${finding.id}`, checked: index === chosenIndex });
          radio.addEventListener('change', () => {
            state.option.set(finding.id, index);
            renderPanel();
          });
          fieldset.append(h('label', {}, radio, ` ${option.label}`));
        });
        detail.append(fieldset);
      }
      detail.append(diffView(redlineDiff(review.document.text, finding, options[chosenIndex]!.text)));
      if (finding.redline.note) detail.append(h('p', { class: 'note' }, h('strong', {}, 'Note for the negotiator: '), finding.redline.note));
    } else {
      detail.append(h('p', { class: 'muted' }, 'There is no suggested wording for this finding. Accepting it flags the clause with a comment in the Word file.'));
    }

    // Decision controls.
    detail.append(h('h3', {}, 'Your decision'), h('p', { class: decision ? 'current-decision decided' : 'current-decision' }, describeDecision(decision)));
    if (decision?.reason) detail.append(h('p', { class: 'muted' }, `Reason given: ${decision.reason}`));

    const note = h('textarea', { rows: '2', class: 'reason', 'aria-label': 'Reason or note (optional)', placeholder: 'Reason or note (optional), kept with your decision' });
    note.value = state.notes.get(finding.id) ?? '';
    note.addEventListener('input', () => state.notes.set(finding.id, note.value));
    detail.append(h('label', { class: 'field-label' }, 'Reason or note (optional)'), note);

    if (state.editing.has(finding.id)) {
      const editor = h('textarea', { rows: '6', class: 'editor', 'aria-label': 'Your wording' });
      editor.value = state.drafts.get(finding.id) ?? (decision?.action === 'edit' ? decision.text : (options[chosenIndex]?.text ?? finding.quote));
      editor.addEventListener('input', () => state.drafts.set(finding.id, editor.value));
      const save = h('button', { type: 'button', class: 'button', disabled: busy }, 'Save my wording');
      save.addEventListener('click', () => {
        if (!editor.value.trim()) {
          state.errors.set(finding.id, 'Type the wording you want to propose, or reject the finding instead.');
          renderPanel();
          return;
        }
        void decide(finding, 'edit', editor.value);
      });
      const cancel = h('button', { type: 'button', class: 'button secondary' }, 'Cancel');
      cancel.addEventListener('click', () => {
        state.editing.delete(finding.id);
        state.drafts.delete(finding.id);
        renderPanel();
      });
      detail.append(h('label', { class: 'field-label' }, 'Your wording'), editor, h('div', { class: 'actions' }, save, cancel));
    } else {
      const accept = h('button', { type: 'button', class: 'button accept', disabled: busy }, options.length > 1 ? `Accept ${options[chosenIndex]!.label.toLowerCase()}` : 'Accept');
      accept.addEventListener('click', () => void decide(finding, 'accept'));
      const edit = h('button', { type: 'button', class: 'button secondary', disabled: busy }, 'Edit wording…');
      edit.addEventListener('click', () => {
        state.editing.add(finding.id);
        renderPanel();
      });
      const reject = h('button', { type: 'button', class: 'button reject', disabled: busy }, 'Reject');
      reject.addEventListener('click', () => void decide(finding, 'reject'));
      detail.append(h('div', { class: 'actions' }, accept, edit, reject));
    }
    if (busy) detail.append(h('p', { class: 'muted', role: 'status' }, 'Saving…'));
    const error = state.errors.get(finding.id);
    if (error) detail.append(h('p', { class: 'error', role: 'alert' }, error));
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

  // ---------- layout ----------
  function renderBody(): void {
    clear(body);
    if (state.tab === 'checklist') {
      body.append(renderChecklistTab(state.review));
      return;
    }
    if (!contract) {
      contract = renderContract(review.document, review.findings, (fid) => select(fid, { scrollText: false }));
      const missing = ordered.filter((f) => f.kind === 'absence');
      if (review.document.warnings?.length) {
        contractPane.append(h('div', { class: 'notice' }, h('h2', {}, 'About this file'), h('ul', {}, review.document.warnings.map((w) => h('li', {}, w.message)))));
      }
      if (missing.length > 0) {
        contractPane.append(
          h(
            'section',
            { class: 'missing' },
            h('h2', {}, `Missing protections (${missing.length})`),
            h('p', { class: 'muted' }, 'Language a provider would expect that this contract does not contain.'),
            h(
              'ul',
              {},
              missing.map((f) => {
                const button = h('button', { type: 'button', class: 'linklike' }, f.message);
                button.addEventListener('click', () => select(f.id));
                return h('li', {}, h('span', { class: `dot sev-${f.severity}`, 'aria-hidden': 'true' }), ' ', button);
              }),
            ),
          ),
        );
      }
      contractPane.append(contract.element);
      refreshDecidedMarks();
    }
    body.append(h('div', { class: 'review-layout' }, contractPane, panel));
    renderPanel();
  }

  // ---------- keyboard ----------
  function onKey(event: KeyboardEvent): void {
    if (state.tab !== 'text' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    const key = event.key.toLowerCase();
    if (key === 'j' || key === 'k') {
      event.preventDefault();
      select(step(visible().map((f) => f.id), state.selected, key === 'j' ? 1 : -1));
    } else if ((key === 'a' || key === 'r') && state.selected && !state.busy) {
      const finding = byId.get(state.selected);
      if (!finding) return;
      event.preventDefault();
      void decide(finding, key === 'a' ? 'accept' : 'reject').then((ok) => {
        if (!ok) return;
        const next = step(visible().map((f) => f.id), finding.id, 1);
        if (next && next !== finding.id) select(next);
      });
    }
  }
  document.addEventListener('keydown', onKey);

  renderHeader();
  renderBody();
  const hash = decodeURIComponent(location.hash.slice(1));
  if (state.tab === 'text' && hash && byId.has(hash)) requestAnimationFrame(() => select(hash));
  void navigate;

  return { element: root, dispose: () => document.removeEventListener('keydown', onKey) };
}
