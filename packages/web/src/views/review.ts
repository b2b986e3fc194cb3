/** The review screen: contract text with highlights, the findings panel, and the checklist tab. */
import { getClausePreviews, getReview, putDecision } from '../api.ts';
import { clear, h } from '../dom/h.ts';
import { pressGuard } from '../dom/press-guard.ts';
import { scrollMotion } from '../dom/motion.ts';
import { blockAtOffset, clauseOffset } from '../model/clause-link.ts';
import { redlineOptions } from '../model/diff.ts';
import { decisionBody, humanize, orderFindings, step, tally } from '../model/review.ts';
import { blockForFinding } from '../model/segments.ts';
import { SEVERITIES, type DecisionInput, type Finding } from '../types.ts';
import { renderChecklistTab } from './checklist.ts';
import { renderKeyTermsTab } from './key-terms.ts';
import { renderContract, type RenderedContract } from './contract.ts';
import { contractViews } from './contract-views.ts';
import { renderFindingsPanel, visibleFindings } from './findings-panel.ts';
import { HOME, leaveNotice, noticeBanner, reviewKey, takeNotice } from './notices.ts';
import { renderPageView, type PageView } from './page-view.ts';
import { deleteWithConfirmation, reanalyseWithConfirmation } from './review-actions.ts';
import { renderReviewHeader } from './review-header.ts';
import type { ReviewActions, ReviewState, ReviewTab } from './review-state.ts';
import { fileNoticeLines } from '../model/file-warnings.ts';

export type { ReviewTab } from './review-state.ts';

/** A rendered review screen; `dispose` removes its document-wide listeners. */
export interface ReviewScreen {
  element: HTMLElement;
  dispose(): void;
}

/** Load review `id` and build its screen on `tab`. Rejects (with a plain-words ApiError) when it cannot be opened. */
export async function reviewScreen(id: string, tab: ReviewTab, navigate: (path: string) => void): Promise<ReviewScreen> {
  const review = await getReview(id);
  const notice = takeNotice(reviewKey(id));
  const state: ReviewState = {
    review,
    tab,
    selected: null,
    filter: { severities: new Set(SEVERITIES), status: 'all' },
    option: new Map(),
    editing: new Map(),
    previews: new Map(),
    busy: null,
    errors: new Map(),
    notes: new Map(),
    drafts: new Map(),
    fresh: new Set(notice?.added ?? []),
  };
  const ordered = orderFindings(review.findings);
  const byId = new Map(review.findings.map((f) => [f.id, f]));

  const root = h('div', { class: 'review' });
  const header = h('header', { class: 'review-header' });
  const body = h('div', { class: 'review-body' });
  root.append(header);
  if (notice) root.append(noticeBanner(notice));
  root.append(body);

  // Contract column (built once; highlights are updated in place).
  let contract: RenderedContract | null = null;
  // PDF reviews also show the original pages (built once, drawn lazily when first shown).
  const pages: PageView | null = review.format === 'pdf' ? renderPageView(review, (fid) => select(fid, { scrollPages: false })) : null;
  let views: ReturnType<typeof contractViews> | null = null;
  const contractPane = h('section', { class: 'contract-pane', 'aria-label': 'Contract' });
  const panel = h('aside', { class: 'findings-panel', 'aria-label': 'Findings' });
  const panelRender = pressGuard(panel, () => renderFindingsPanel(panel, actions));

  const actions: ReviewActions = {
    state,
    ordered,
    titleOf: (f) => review.rules?.[f.ruleId]?.title ?? humanize(f.concept),
    select: (findingId) => select(findingId),
    decide,
    saveReason,
    renderPanel: () => panelRender.render(),
  };
  const here = (): string => (state.tab === 'text' ? `/reviews/${encodeURIComponent(id)}` : `/reviews/${encodeURIComponent(id)}/${state.tab}`);

  function renderHeader(): void {
    renderReviewHeader(header, state.review, state.tab, {
      onReanalyse: () =>
        void reanalyseWithConfirmation(state.review, state.review.findings).then((done) => {
          if (!done) return;
          // The whole screen is rebuilt from the new analysis; the summary waits for it.
          leaveNotice(reviewKey(id), { headline: done.summary.headline, details: done.summary.details, added: done.changes.added });
          navigate(here());
        }),
      onDelete: () =>
        // The summary's count dates from opening the screen; decisions made since count too.
        void deleteWithConfirmation({ ...state.review, decided: tally(state.review).decided }).then((deleted) => {
          if (!deleted) return;
          leaveNotice(HOME, { headline: `The review of “${review.name}” was deleted.` });
          navigate('/');
        }),
    });
  }

  // ---------- selection ----------
  function select(findingId: string | null, options: { scrollText?: boolean; scrollPanel?: boolean; scrollPages?: boolean } = {}): void {
    if (contract) {
      for (const el of contract.element.querySelectorAll('.is-current')) el.classList.remove('is-current');
    }
    state.selected = findingId;
    actions.renderPanel();
    pages?.show(findingId, options.scrollPages !== false);
    if (!findingId || !contract) return;
    const finding = byId.get(findingId);
    const marks = contract.marks.get(findingId) ?? [];
    for (const mark of marks) mark.classList.add('is-current');
    if (options.scrollText !== false) {
      const target = marks[0] ?? (finding ? contract.blocks.get(blockForFinding(review.document.blocks, finding)?.id ?? '') : undefined);
      if (target) {
        if (!marks[0]) target.classList.add('is-current');
        target.scrollIntoView({ behavior: scrollMotion(), block: 'center' });
      }
    }
    if (options.scrollPanel !== false) panel.querySelector(`[data-finding-index="${ordered.findIndex((f) => f.id === findingId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  /** Scroll the contract to the clause at `offset` and outline it, as selecting a finding does (checklist links). */
  function showClause(offset: number): void {
    select(null);
    const block = contract && blockAtOffset(review.document.blocks, offset);
    const target = block ? contract?.blocks.get(block.id) : undefined;
    if (!target) return;
    target.classList.add('is-current');
    target.scrollIntoView({ behavior: scrollMotion(), block: 'center' });
  }

  function refreshDecidedMarks(): void {
    pages?.setDecided((fid) => state.review.decisions[fid] !== undefined);
    if (!contract) return;
    for (const [fid, marks] of contract.marks) {
      const decided = state.review.decisions[fid] !== undefined;
      for (const mark of marks) mark.classList.toggle('is-decided', decided);
    }
  }

  // ---------- decisions ----------
  async function decide(finding: Finding, action: 'accept' | 'edit' | 'reject', text?: string, scope?: 'clause'): Promise<boolean> {
    const options = redlineOptions(finding.redline);
    const chosen = options[state.option.get(finding.id) ?? 0];
    // The reason is what the box shows: the words typed, else the reason already saved (changing
    // one's mind about a finding must not drop why).
    const reason = state.notes.get(finding.id) ?? state.review.decisions[finding.id]?.reason ?? '';
    return save(finding, decisionBody(action, { alternative: chosen?.alternative, text: text ?? '', scope, reason }));
  }

  /** Fetch every clause as the decisions now make it read; the panel shows them once they arrive. */
  async function refreshPreviews(): Promise<void> {
    try {
      const previews = await getClausePreviews(review.id);
      state.previews = new Map(previews.map((p) => [p.findingId, p]));
    } catch {
      // A preview is a help, not a step: without it the card shows the suggestion alone.
      state.previews = new Map();
    }
    actions.renderPanel();
  }

  /** A reason typed after deciding is kept with that decision, with no second click. */
  async function saveReason(finding: Finding, reason: string): Promise<boolean> {
    const current = state.review.decisions[finding.id];
    if (!current || (current.reason ?? '') === reason.trim()) return true;
    return save(finding, decisionBody(current.action, { alternative: current.action === 'accept' ? current.alternative : undefined, text: current.action === 'edit' ? current.text : '', scope: current.action === 'edit' ? current.scope : undefined, reason }));
  }

  // Saves of one finding go one after another, in the order made: a reason saved on leaving its
  // box and the decision pressed to leave it must not reach the server the other way round.
  const saving = new Map<string, Promise<boolean>>();
  function save(finding: Finding, bodyJson: DecisionInput): Promise<boolean> {
    const mine = (saving.get(finding.id) ?? Promise.resolve(true)).then(() => persist(finding, bodyJson));
    saving.set(finding.id, mine);
    return mine;
  }

  async function persist(finding: Finding, bodyJson: DecisionInput): Promise<boolean> {
    state.busy = finding.id;
    state.errors.delete(finding.id);
    actions.renderPanel();
    try {
      const saved = await putDecision(review.id, finding.id, bodyJson);
      state.review.decisions[finding.id] = saved;
      state.editing.delete(finding.id);
      state.drafts.delete(finding.id);
      state.notes.delete(finding.id);
      void refreshPreviews();
      return true;
    } catch (error) {
      state.errors.set(finding.id, error instanceof Error ? error.message : String(error));
      return false;
    } finally {
      state.busy = null;
      renderHeader();
      refreshDecidedMarks();
      actions.renderPanel();
    }
  }

  // ---------- layout ----------
  function renderBody(): void {
    clear(body);
    if (state.tab === 'checklist') {
      body.append(renderChecklistTab(state.review));
      return;
    }
    if (state.tab === 'terms') {
      body.append(renderKeyTermsTab(state.review));
      return;
    }
    if (!contract) {
      contract = renderContract(review.document, review.findings, (fid) => select(fid, { scrollText: false }));
      const textView = h('div', { class: 'text-view' });
      if (review.document.warnings?.length) {
        const lines = fileNoticeLines(review.document.warnings);
        textView.append(h('div', { class: 'notice', role: 'note' }, h('h2', {}, 'About this file'), h('ul', {}, lines.map((line) => h('li', line.ocr ? { class: 'ocr-warning' } : {}, line.text)))));
      }
      const missing = missingProtections(ordered.filter((f) => f.kind === 'absence'), (fid) => select(fid));
      if (missing) textView.append(missing);
      textView.append(contract.element);
      if (pages) {
        contractPane.classList.add('has-pages');
        views = contractViews(textView, pages, (mode) => {
          contractPane.parentElement?.classList.toggle('contract-wide', mode === 'both');
          // The view just shown scrolls to the finding being read.
          if (state.selected) select(state.selected, { scrollPanel: false });
        });
        contractPane.append(views.element);
      } else {
        contractPane.append(textView);
      }
      refreshDecidedMarks();
    }
    body.append(h('div', { class: `review-layout${views?.mode() === 'both' ? ' contract-wide' : ''}` }, contractPane, panel));
    actions.renderPanel();
  }

  // ---------- keyboard ----------
  function onKey(event: KeyboardEvent): void {
    if (state.tab !== 'text' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    // Typing in a field, or a dialog open over the screen, must not decide findings.
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    if (document.querySelector('dialog[open]')) return;
    const key = event.key.toLowerCase();
    if (key === 'j' || key === 'k') {
      event.preventDefault();
      select(step(visibleFindings(actions).map((f) => f.id), state.selected, key === 'j' ? 1 : -1));
    } else if ((key === 'a' || key === 'r') && state.selected && !state.busy) {
      const finding = byId.get(state.selected);
      if (!finding) return;
      event.preventDefault();
      void decide(finding, key === 'a' ? 'accept' : 'reject').then((ok) => {
        if (!ok) return;
        const next = step(visibleFindings(actions).map((f) => f.id), finding.id, 1);
        if (next && next !== finding.id) select(next);
      });
    }
  }
  document.addEventListener('keydown', onKey);

  renderHeader();
  renderBody();
  void refreshPreviews();
  const hash = decodeURIComponent(location.hash.slice(1));
  const clause = clauseOffset(hash);
  if (state.tab === 'text' && hash && byId.has(hash)) requestAnimationFrame(() => select(hash));
  else if (state.tab === 'text' && clause !== null) requestAnimationFrame(() => showClause(clause));

  return {
    element: root,
    dispose: () => {
      document.removeEventListener('keydown', onKey);
      panelRender.dispose();
      pages?.dispose();
    },
  };
}

/** The "Missing protections" box above the contract text, or null when nothing is missing. */
function missingProtections(missing: readonly Finding[], pick: (findingId: string) => void): HTMLElement | null {
  if (missing.length === 0) return null;
  return h(
    'section',
    { class: 'missing' },
    h('h2', {}, `Missing protections (${missing.length})`),
    h('p', { class: 'muted' }, 'Language a provider would expect that this contract does not contain.'),
    h(
      'ul',
      {},
      missing.map((f) => {
        const button = h('button', { type: 'button', class: 'linklike' }, f.message);
        button.addEventListener('click', () => pick(f.id));
        return h('li', {}, h('span', { class: `dot sev-${f.severity}`, 'aria-hidden': 'true' }), ' ', button);
      }),
    ),
  );
}
