/** The start screen: upload a contract, and the list of saved reviews. */
import { ApiError, getStorage, listRulesets, uploadContract } from '../api.ts';
import { storageWarning } from '../model/storage.ts';
import { clear, h } from '../dom/h.ts';
import { initialRuleset, offersChoice, rememberRuleset, rememberedRuleset } from '../model/rulesets.ts';
import { HOME, noticeBanner, takeNotice } from './notices.ts';
import { reviewsPanel } from './reviews-list.ts';
import { upcomingDeadlinesPanel } from './deadlines.ts';
import { rulesetChoice, storage, type RulesetChoice } from './ruleset-choice.ts';

const ACCEPT = '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The home screen: any message left by the last screen, upload, and the reviews list. */
export function homeScreen(navigate: (path: string) => void): HTMLElement {
  const root = h('div', { class: 'home' });
  const notice = takeNotice(HOME);
  root.append(
    storageBanner(),
    ...(notice ? [noticeBanner(notice)] : []),
    uploadPanel(navigate),
    upcomingDeadlinesPanel(),
    reviewsPanel(),
  );
  return root;
}

/** A warning when the server cannot save (a full disk, a read-only data folder); empty otherwise. */
function storageBanner(): HTMLElement {
  const slot = h('div', { class: 'storage-slot' });
  getStorage()
    .then((status) => {
      const warning = storageWarning(status);
      if (!warning) return;
      slot.append(h('div', { class: 'banner warning storage-warning', role: 'alert' }, h('div', {}, h('p', { class: 'banner-headline' }, warning.headline), h('p', { class: 'banner-detail' }, warning.detail))));
    })
    .catch(() => {
      // Without the answer the screen works as usual; a failed save still says why.
    });
  return slot;
}

function uploadPanel(navigate: (path: string) => void): HTMLElement {
  const input = h('input', { type: 'file', accept: ACCEPT, class: 'visually-hidden', id: 'file-input' });
  const status = h('div', { class: 'upload-status', role: 'status', 'aria-live': 'polite' });
  const password = h('input', { type: 'password', id: 'pdf-password', autocomplete: 'off' });
  const passwordRow = h('div', { class: 'password-row', hidden: true }, h('label', { for: 'pdf-password' }, 'Password for this PDF'), password);
  let lastFile: File | null = null;
  let busy = false;
  // Filled in once the rulesets are listed, and only when there is a choice to make.
  const choiceSlot = h('div', { class: 'choice-slot' });
  let choice: RulesetChoice | undefined;
  const rulesetsListed = listRulesets()
    .then((rulesets) => {
      if (!offersChoice(rulesets)) return;
      choice = rulesetChoice(rulesets, initialRuleset(rulesets, rememberedRuleset(storage())));
      choiceSlot.append(choice.element);
    })
    .catch(() => {
      // Without the list the upload still works with the server's default rules.
    });

  const zone = h(
    'div',
    { class: 'dropzone', tabindex: '0', role: 'button', 'aria-label': 'Upload a contract: drop a PDF or Word file here, or press Enter to choose one' },
    h('p', { class: 'drop-title' }, 'Drop a contract here'),
    h('p', { class: 'muted' }, 'PDF or Word (.docx), up to 50 MB'),
    h('label', { for: 'file-input', class: 'button' }, 'Choose a file…'),
  );

  function showError(message: string): void {
    clear(status);
    status.append(h('p', { class: 'error', role: 'alert' }, message));
  }

  async function send(file: File): Promise<void> {
    if (busy) return;
    busy = true;
    lastFile = file;
    zone.classList.add('busy');
    clear(status);
    const label = h('p', {}, `Uploading ${file.name}…`);
    const bar = h('progress', { max: '1', value: '0', 'aria-label': 'Upload progress' });
    status.append(label, bar);
    try {
      // A file chosen before the list arrived still gets the remembered rules.
      await rulesetsListed;
      const ruleset = choice?.value();
      if (ruleset) rememberRuleset(storage(), ruleset);
      const review = await uploadContract(file, { password: password.value || undefined, ruleset }, (progress) => {
        if (progress.phase === 'sending') {
          bar.value = progress.fraction;
        } else if (progress.ocr) {
          const { page, done, total } = progress.ocr;
          label.textContent = `${file.name} has scanned pages: reading page ${page} with OCR (${Math.min(done + 1, total)} of ${total}). Each scanned page takes a few seconds…`;
          bar.value = done / total;
        } else {
          label.textContent = `Reading and reviewing ${file.name}. This can take up to a minute for a long contract…`;
          bar.removeAttribute('value'); // indeterminate
        }
      });
      navigate(`/reviews/${encodeURIComponent(review.id)}`);
    } catch (error) {
      const needsPassword = error instanceof ApiError && (error.code === 'PDF_PASSWORD_REQUIRED' || error.code === 'PDF_PASSWORD_INCORRECT');
      passwordRow.hidden = !needsPassword;
      showError(error instanceof Error ? error.message : String(error));
      if (needsPassword) {
        const retry = h('button', { type: 'button', class: 'button' }, 'Try again with this password');
        retry.addEventListener('click', () => lastFile && void send(lastFile));
        status.append(retry);
        password.focus();
      }
    } finally {
      busy = false;
      zone.classList.remove('busy');
      input.value = '';
    }
  }

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void send(file);
  });
  zone.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      input.click();
    }
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    if (files.length > 1) {
      showError('Please drop one contract at a time.');
      return;
    }
    void send(files[0]!);
  });

  return h('section', { class: 'upload', 'aria-labelledby': 'upload-title' }, h('h1', { id: 'upload-title' }, 'Review a contract'), choiceSlot, zone, input, passwordRow, status);
}
