/** Small helpers over sorted span lists (binary searches the engine does thousands of times). */
import type { Span } from '../types.ts';

/** Index of the first item whose `start` is ≥ `offset`. */
export function lowerBound(items: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items of a start-sorted list that lie wholly inside `range`. */
export function within<T extends Span>(items: readonly T[], range: Span): T[] {
  const out: T[] = [];
  for (let i = lowerBound(items, range.start); i < items.length && items[i]!.start < range.end; i++) {
    if (items[i]!.end <= range.end) out.push(items[i]!);
  }
  return out;
}

/**
 * The smallest span covering every item, or `fallback` when there is none. A loop, not
 * `Math.min(...items)`: a rule may hold hundreds of thousands of hits, more arguments than a
 * call can take.
 */
export function hullOf(items: readonly Span[], fallback: Span): Span {
  if (items.length === 0) return fallback;
  let start = Infinity;
  let end = -Infinity;
  for (const item of items) {
    if (item.start < start) start = item.start;
    if (item.end > end) end = item.end;
  }
  return { start, end };
}

/** Append every item of `items` to `out` (in place of `out.push(...items)`, which overflows the stack on huge lists). */
export function appendAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}

/** Index of the unit (sorted, non-overlapping) that contains `offset`, or -1. */
export function unitIndexAt(units: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = units.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found >= 0 && offset < Math.max(units[found]!.end, units[found]!.start + 1) ? found : -1;
}

/** Number of sorted offsets that are < `offset`. */
export function countBefore(sorted: readonly number[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
