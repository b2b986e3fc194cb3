/// <reference lib="dom" />
/** The review API, as used by the browser. Every failure becomes an ApiError in plain words. */
import { problemMessage } from './model/problem.ts';
import type { Decision, Review, ReviewSummary } from './types.ts';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
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

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
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
  if (!response.ok) throw new ApiError(response.status, problemMessage(response.status, data), (data as { code?: string } | undefined)?.code);
  return data as T;
}

export const reviewPath = (id: string): string => `/api/reviews/${encodeURIComponent(id)}`;

export const listReviews = async (): Promise<ReviewSummary[]> => (await request<{ reviews: ReviewSummary[] }>('GET', '/api/reviews')).reviews;
export const getReview = (id: string): Promise<Review> => request<Review>('GET', reviewPath(id));
export const deleteReview = (id: string): Promise<void> => request<void>('DELETE', reviewPath(id));
export const putDecision = (id: string, findingId: string, body: Record<string, unknown>): Promise<Decision> =>
  request<Decision>('PUT', `${reviewPath(id)}/decisions/${encodeURIComponent(findingId)}`, body);

export const exportDocxUrl = (id: string): string => `${reviewPath(id)}/export.docx`;
export const memoUrl = (id: string): string => `${reviewPath(id)}/report.md`;

export interface UploadProgress {
  /** 'sending' while bytes go up (fraction 0..1), then 'analysing' until the server answers. */
  phase: 'sending' | 'analysing';
  fraction: number;
}

/** Upload a contract; XMLHttpRequest because fetch cannot report upload progress. */
export function uploadContract(file: File, password: string | undefined, onProgress: (p: UploadProgress) => void): Promise<Review> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (password) form.append('password', password);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/reviews');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress({ phase: 'sending', fraction: event.loaded / event.total });
    });
    xhr.upload.addEventListener('load', () => onProgress({ phase: 'analysing', fraction: 1 }));
    xhr.addEventListener('error', () => reject(new ApiError(0, problemMessage(0, undefined))));
    xhr.addEventListener('load', () => {
      let data: unknown;
      try {
        data = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as Review);
      else reject(new ApiError(xhr.status, problemMessage(xhr.status, data), (data as { code?: string } | undefined)?.code));
    });
    xhr.send(form);
  });
}
