/**
 * The PDF's own running header and footer, as printed: the words a payer put at the top and
 * bottom of its pages (a form number, "Confidential", the agreement's title). The body text
 * leaves them out so they do not break sentences across pages, but a Word file rebuilt from the
 * PDF should carry them, or the copy sent back no longer says which form it is.
 */
import type { RunningText } from '../types.ts';
import type { RemovedFurniture } from './page-furniture.ts';
import type { TextLine } from './pdf-types.ts';

// Page numbers inside a furniture line ("Page 3 of 20", "- 3 -", "| 3", "3/7"): the rebuilt file
// numbers its own pages, so they are dropped rather than frozen at one page's value.
const PAGE_NUMBER_PART = [/(?:^|\s)\|?\s*[0-9]{1,4}\s*\/\s*[0-9]{1,4}(?=\s*$)/g, /\b(?:page|pg\.?)\s*[0-9]+(?:\s*(?:of|\/)\s*[0-9]+)?/gi, /(?:^|\s)[-–—]\s*[0-9]+\s*[-–—](?=\s|$)/g, /\s*\|\s*[0-9]+\s*$/g, /^\s*[0-9]+\s*\|\s*/g];
const ONLY_NUMBER = /^[\s\p{P}]*(?:[0-9]+|[ivxlc]{1,6})?[\s\p{P}]*$/iu;

function withoutPageNumbers(text: string): string {
  let out = text;
  for (const re of PAGE_NUMBER_PART) out = out.replace(re, ' ');
  out = out.replace(/\s+/g, ' ').trim();
  return ONLY_NUMBER.test(out) ? '' : out.replace(/^[|\s–—-]+|[|\s–—-]+$/g, '');
}

function bandLines(lines: readonly TextLine[]): string[] {
  return lines.map((line) => withoutPageNumbers(line.text)).filter((text) => text.length > 0);
}

// Words that change from page to page in the same line ("Provider Agreement 5", "… 6") are
// page numbers in a form the patterns above do not know: they go too.
function steadyWords(versions: readonly string[]): string {
  const first = versions[0]!.split(' ');
  const same = first.map((word, i) => versions.every((v) => v.split(' ')[i] === word));
  return first.filter((_, i) => same[i]).join(' ');
}

// The band's text of the agreement itself: the first that recurs on enough pages. A compiled
// agreement changes its footer with each attachment, and the one the agreement's own pages
// print names the form. Pages agree when their lines match with digits and redaction marks
// ignored (the marks are found on some pages' footers and not others).
function agreementBand(bands: readonly string[][], pageCount: number): string[] {
  const groups = new Map<string, string[][]>();
  for (const lines of bands) {
    if (lines.length === 0) continue;
    const key = lines.join('\n').toLowerCase().replace(/[0-9]+/g, '#').replace(/\[redacted\]/g, '').replace(/\s+/g, '');
    groups.set(key, [...(groups.get(key) ?? []), lines]);
  }
  // Insertion order is first appearance; a title page's own footer recurs on no other page.
  const enough = Math.max(2, Math.ceil(pageCount / 20));
  const chosen = [...groups.values()].find((pages) => pages.length >= enough);
  if (!chosen) return [];
  return chosen[0]!.map((_, i) => usualLine(chosen.map((lines) => lines[i]!))).filter((line) => !ONLY_NUMBER.test(line));
}

// The line as most pages print it; where every page prints it differently, its steady words.
function usualLine(versions: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of versions) counts.set(v, (counts.get(v) ?? 0) + 1);
  const [text, count] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
  if (count > 1 || versions.length === 1) return text;
  const words = versions[0]!.split(' ').length;
  return steadyWords(versions.filter((v) => v.split(' ').length === words));
}

/** The running header and footer lines most pages print, page numbers left out; undefined when there are none. */
export function runningText(removed: readonly RemovedFurniture[]): RunningText | undefined {
  const header = agreementBand(removed.map((r) => bandLines(r.top)), removed.length);
  const footer = agreementBand(removed.map((r) => bandLines(r.bottom)), removed.length);
  return header.length > 0 || footer.length > 0 ? { header, footer } : undefined;
}
