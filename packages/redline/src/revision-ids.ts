/**
 * Ids for new revisions and comments. Word only needs uniqueness per annotation type, but
 * starting above every `w:id` in every story part is the simple choice that can never collide.
 */
import type { DocxPackage } from './open-docx.ts';

/** Hands out increasing ids. */
export interface IdAllocator {
  next(): number;
}

const STORY_PART = /^word\/[^/]+\.xml$/;

/** An allocator starting above the largest `w:id` found in the package's word parts. */
export async function allocatorAbove(pkg: DocxPackage): Promise<IdAllocator> {
  let max = 0;
  for (const path of pkg.partPaths) {
    if (!STORY_PART.test(path)) continue;
    const xml = (await pkg.text(path)) ?? '';
    // Any prefix: some producers bind the w namespace to another name.
    for (const m of xml.matchAll(/\b[A-Za-z0-9]*:id="(\d{1,9})"/g)) max = Math.max(max, Number(m[1]));
  }
  return counterFrom(max + 1);
}

/** An allocator starting at `first`. */
export function counterFrom(first: number): IdAllocator {
  let n = first;
  return { next: () => n++ };
}

/** ISO 8601 without milliseconds (`2025-01-15T10:30:00Z`), the form Word itself writes. */
export function revisionDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
