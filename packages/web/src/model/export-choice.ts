/**
 * The reader's choices for the redlined Word file: who it is for, the name on the tracked
 * changes (remembered on this computer), and whether the payer copy has comments.
 */

/** Who the Word file is for: the copy sent to the payer, or the provider's own annotated copy. */
export type ExportAudience = 'payer' | 'internal';

/** What goes into the export link. */
export interface ExportChoice {
  audience: ExportAudience;
  /** The name on the tracked changes and comments; blank lets the server use the provider's name. */
  author: string;
  /** Comments beside the changes (payer copy); the internal copy always has its analysis. */
  comments: boolean;
}

/** localStorage key of the author name. */
export const AUTHOR_KEY = 'redliner.author';

/** The part of Storage used here (so tests can pass a plain object). */
export type AuthorStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The remembered author name, or '' (no storage, blocked storage, nothing saved). */
export function rememberedAuthor(storage: AuthorStorage | undefined): string {
  try {
    return storage?.getItem(AUTHOR_KEY) ?? '';
  } catch {
    return ''; // storage can be disabled by browser policy; the name is a convenience
  }
}

/** Remember `name` for the next export; silently skipped when storage is unavailable. */
export function rememberAuthor(storage: AuthorStorage | undefined, name: string): void {
  try {
    storage?.setItem(AUTHOR_KEY, name.trim());
  } catch {
    // as above: forgetting the name is harmless
  }
}

/** The export's query string ('' for the defaults: payer copy, provider's name, with comments). */
export function exportQuery(choice: ExportChoice): string {
  const params = new URLSearchParams();
  const author = choice.author.trim().slice(0, 100);
  if (author) params.set('author', author);
  if (choice.audience === 'internal') params.set('audience', 'internal');
  else if (!choice.comments) params.set('comments', 'false');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** What the two Word files hold for findings not decided yet ('' when every finding is decided). */
export function exportHint(total: number, decided: number): string {
  const undecided = total - decided;
  if (undecided <= 0) return '';
  if (decided === 0) return 'Nothing is decided yet: the payer copy would be the contract unchanged, and the internal copy comments on every finding.';
  const which = undecided === 1 ? 'The finding not decided yet changes' : `The ${undecided} findings not decided yet change`;
  return `${which} nothing: left out of the payer copy, commented in the internal copy.`;
}
