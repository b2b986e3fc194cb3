/**
 * `redline` for tests: every DOCX a test writes goes through the team's OOXML validator
 * (ooxml-validate.ts) and must add no error the original lacked. Skipped, like the validator,
 * without ../shared or python3-lxml. Use it in place of `redline` from the package.
 */
import { expect } from 'vitest';
import { redline as writeRedline } from '../src/index.ts';
import { newValidationErrors } from './ooxml-validate.ts';

/** `redline`, then the validator on what it wrote. */
export async function redline(...args: Parameters<typeof writeRedline>): ReturnType<typeof writeRedline> {
  const result = await writeRedline(...args);
  expect(newValidationErrors(result.bytes, args[0].original), 'the redline adds OOXML validation errors').toEqual([]);
  return result;
}
