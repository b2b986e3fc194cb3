/** Turn an HTTP failure into one plain sentence for the reader. */
import type { Problem } from '../types.ts';

export function problemMessage(status: number, body: unknown): string {
  const problem = (body && typeof body === 'object' ? body : {}) as Problem;
  if (typeof problem.detail === 'string' && problem.detail.trim()) {
    const title = typeof problem.title === 'string' && problem.title.trim() ? `${problem.title.trim().replace(/\.$/, '')}. ` : '';
    return `${title}${problem.detail.trim()}`;
  }
  if (status === 0) return 'The Redliner server could not be reached. Check that it is still running, then try again.';
  if (status === 413) return 'The file is too large to upload.';
  if (status >= 500) return 'Something went wrong on the server. Try again; if it keeps happening, check the server log.';
  return `The request failed (status ${status}).`;
}
