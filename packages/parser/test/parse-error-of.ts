/** The one helper the parser tests use to catch the typed error a read ends in. */
import { isParseError } from '../src/errors.ts';
import type { ParseError } from '../src/errors.ts';

/**
 * The ParseError that `work` (a promise, or a function that may throw) ends in. Succeeding, or
 * failing with anything but a ParseError, fails the test: an untyped error is what these tests
 * exist to rule out.
 */
export async function parseErrorOf(work: Promise<unknown> | (() => unknown)): Promise<ParseError> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    if (isParseError(error)) return error;
    throw error;
  }
  throw new Error('expected a ParseError, but the read succeeded');
}
