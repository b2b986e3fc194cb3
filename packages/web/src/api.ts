/** The review API, as used by the browser. Every failure becomes an ApiError in plain words. */
import { exportQuery, type ExportChoice } from './model/export-choice.ts';
import { problemMessage } from './model/problem.ts';
import type { StorageStatus } from './model/storage.ts';
import type { ClausePreview, DeadlinesOverview, Decision, DecisionInput, KeyTerm, KeyTermsReport, ReanalysisResult, Review, ReviewSummary, RulesetInfo } from './types.ts';
import type { ClausePreviews, ProblemCode, ReanalyzeRequest, ReviewDeadlines, ReviewList, ReviewsPortfolio, RulesetList, TermCorrectionRequest, UploadProgressStatus, UploadRequestFields } from '@redliner/server';

/** A failed API call; `message` is already in plain words for the reader. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    /** The problem code (docs/errors.md); typed from the server's registry, so a check for a code the API never sends does not compile. */
    readonly code?: ProblemCode,
  ) {
    super(message);
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A JSON request to the API; any failure becomes an ApiError in plain words. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, problemMessage(0, undefined));
  }
  const data = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, problemMessage(response.status, data), (data as { code?: ProblemCode } | undefined)?.code);
  return data as T;
}

/** Whether the server can save right now (a full disk or a read-only data folder says why). */
export const getStorage = (): Promise<StorageStatus> => request<StorageStatus>('GET', '/api/storage');

/** The API path of one review. */
export const reviewPath = (id: string): string => `/api/reviews/${encodeURIComponent(id)}`;

/** Saved reviews (newest first). */
export const listReviews = async (): Promise<ReviewSummary[]> => (await request<ReviewList>('GET', '/api/reviews')).reviews;
/** One review with its document, findings, checklist and decisions. */
export const getReview = (id: string): Promise<Review> => request<Review>('GET', reviewPath(id));
/** Delete a review and everything saved with it. */
export const deleteReview = (id: string): Promise<void> => request<void>('DELETE', reviewPath(id));
/** Save the decision on one finding. */
export const putDecision = (id: string, findingId: string, body: DecisionInput): Promise<Decision> =>
  request<Decision>('PUT', `${reviewPath(id)}/decisions/${encodeURIComponent(findingId)}`, body);

/** Each finding's clause as the saved decisions make it read (undecided ones: as if accepted). */
export const getClausePreviews = async (id: string): Promise<ClausePreview[]> => (await request<ClausePreviews>('GET', `${reviewPath(id)}/clauses`)).previews;

/** Run the rules again on a saved review, optionally with another ruleset; keeps decisions whose findings remain. */
export const reanalyzeReview = (id: string, ruleset?: string): Promise<ReanalysisResult> => request<ReanalysisResult>('POST', `${reviewPath(id)}/reanalyze`, (ruleset ? { ruleset } : {}) satisfies ReanalyzeRequest);

/** The rulesets a review can be analysed with, the bundled one first. */
export const listRulesets = async (): Promise<RulesetInfo[]> => (await request<RulesetList>('GET', '/api/rulesets')).rulesets;

/** Where to download the redlined Word file for `choice` (the payer copy by default). */
export const exportDocxUrl = (id: string, choice: ExportChoice = { audience: 'payer', author: '', comments: true }): string => `${reviewPath(id)}/export.docx${exportQuery(choice)}`;
/** Where to download the issues list in `format` for `audience` (the payer's copy holds only the requested changes). */
export const issuesListUrl = (id: string, format: 'xlsx' | 'docx' | 'csv', audience: 'payer' | 'internal'): string =>
  `${reviewPath(id)}/issues.${format}${audience === 'internal' ? '?audience=internal' : ''}`;
/** The review's original PDF, for the page view (the server answers 409 ORIGINAL_NOT_PDF for a Word review). */
export const originalPdfPath = (id: string): string => `${reviewPath(id)}/original.pdf`;
/** Where to download the Markdown review memo. */
export const memoUrl = (id: string): string => `${reviewPath(id)}/report.md`;

/** How far an upload has got. */
export interface UploadProgress {
  /** 'sending' while bytes go up (fraction 0..1), then 'analysing' until the server answers. */
  phase: 'sending' | 'analysing';
  fraction: number;
  /** While scanned pages are read: the page being read and how many of how many are done. */
  ocr?: { page: number; done: number; total: number };
}

/**
 * Options of an upload besides the file, as the server's form schema takes them: `password` for
 * encrypted PDFs, `ruleset` an id (the server's bundled ruleset when left out).
 */
export type UploadOptions = Pick<UploadRequestFields, 'password' | 'ruleset'>;

/** Upload a contract; XMLHttpRequest because fetch cannot report upload progress. */
export function uploadContract(file: File, options: UploadOptions, onProgress: (p: UploadProgress) => void): Promise<Review> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (options.password) form.append('password', options.password);
    if (options.ruleset) form.append('ruleset', options.ruleset);
    // Lets the page ask how far the server is (scanned pages take seconds each).
    const uploadId = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
    form.append('uploadId', uploadId);
    form.append('file', file, file.name);
    let polling: ReturnType<typeof setInterval> | undefined;
    const poll = () => {
      void request<UploadProgressStatus>('GET', `/api/uploads/${uploadId}/progress`).then(
        (p) => {
          if (polling !== undefined && p.stage === 'ocr' && p.total) onProgress({ phase: 'analysing', fraction: p.done / p.total, ocr: { page: p.page, done: p.done, total: p.total } });
        },
        () => undefined,
      );
    };
    const stopPolling = () => {
      if (polling !== undefined) clearInterval(polling);
      polling = undefined;
    };
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/reviews');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress({ phase: 'sending', fraction: event.loaded / event.total });
    });
    xhr.upload.addEventListener('load', () => {
      onProgress({ phase: 'analysing', fraction: 1 });
      polling ??= setInterval(poll, 1000);
    });
    xhr.addEventListener('error', () => {
      stopPolling();
      reject(new ApiError(0, problemMessage(0, undefined)));
    });
    xhr.addEventListener('load', () => {
      stopPolling();
      let data: unknown;
      try {
        data = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as Review);
      else reject(new ApiError(xhr.status, problemMessage(xhr.status, data), (data as { code?: ProblemCode } | undefined)?.code));
    });
    xhr.send(form);
  });
}

/** The review's key terms, the user's corrections applied. */
export const getKeyTerms = (id: string): Promise<KeyTermsReport> => request<KeyTermsReport>('GET', `${reviewPath(id)}/terms`);

/** Save the user's correction of one key term; the term as it now reads. */
export const putKeyTerm = (id: string, fieldId: string, text: string): Promise<KeyTerm> => request<KeyTerm>('PUT', `${reviewPath(id)}/terms/${encodeURIComponent(fieldId)}`, { text } satisfies TermCorrectionRequest);

/** Drop the correction of one key term, back to the contract's reading. */
export const deleteKeyTerm = (id: string, fieldId: string): Promise<KeyTerm> => request<KeyTerm>('DELETE', `${reviewPath(id)}/terms/${encodeURIComponent(fieldId)}`);

/** The key terms as a spreadsheet (CSV). */
export const keyTermsCsvUrl = (id: string): string => `${reviewPath(id)}/terms.csv`;

/** The deadlines of one review's contract (end of term, non-renewal notice, start of renegotiation). */
export const getDeadlines = (id: string): Promise<ReviewDeadlines> => request<ReviewDeadlines>('GET', `${reviewPath(id)}/deadlines`);
/** The deadlines of every saved review, earliest first. */
export const getAllDeadlines = (): Promise<DeadlinesOverview> => request<DeadlinesOverview>('GET', '/api/deadlines');
/** One review's deadlines as a calendar file (.ics). */
export const deadlinesIcsUrl = (id: string): string => `${reviewPath(id)}/deadlines.ics`;
/** Every review's upcoming deadlines as one calendar file (.ics). */
export const ALL_DEADLINES_ICS = '/api/deadlines.ics';

/** Every saved review side by side: key terms, risks, decisions, marks and the payer scorecard. */
export const getPortfolio = (): Promise<ReviewsPortfolio> => request<ReviewsPortfolio>('GET', '/api/portfolio');
/** The portfolio as a spreadsheet. */
export const portfolioUrl = (format: 'csv' | 'xlsx'): string => `/api/portfolio.${format}`;
