import { describe, expect, it } from 'vitest';
import type { RemovedFurniture } from '../src/pdf/page-furniture.ts';
import type { TextLine } from '../src/pdf/pdf-types.ts';
import { runningText } from '../src/pdf/running-text.ts';

const line = (text: string): TextLine => ({ page: 1, baseline: 0, size: 9, x0: 0, x1: 100, fragments: [], text });
const page = (n: number, top: string[], bottom: string[]): RemovedFurniture => ({ page: n, top: top.map(line), bottom: bottom.map(line) });

describe('runningText', () => {
  it('keeps the header and footer words and drops page numbers in their usual forms', () => {
    const pages = [1, 2, 3, 4].map((n) => page(n, ['Acme Plan | Agreement No. PA-2026-07'], ['Confidential', `Page ${n} of 4`, `FORM-9 | ${n}/4`]));
    expect(runningText(pages)).toEqual({ header: ['Acme Plan | Agreement No. PA-2026-07'], footer: ['Confidential', 'FORM-9'] });
  });

  it('drops a number that changes from page to page, whatever its form', () => {
    const pages = [1, 2, 3].map((n) => page(n, [], [`Provider Agreement ${n + 4}`, '© 2024 Acme, Inc. 02/28/2025']));
    expect(runningText(pages)).toEqual({ header: [], footer: ['Provider Agreement', '© 2024 Acme, Inc. 02/28/2025'] });
  });

  it('takes the agreement’s own footer over a later attachment’s, and ignores redaction marks found on some pages', () => {
    const body = [1, 2, 3].map((n) => page(n, [], [n === 2 ? '© 2024 [REDACTED] Tennessee' : '© 2024 Tennessee']));
    const attachment = [4, 5, 6, 7].map((n) => page(n, [], ['Medicaid Attachment']));
    expect(runningText([...body, ...attachment])?.footer).toEqual(['© 2024 Tennessee']);
  });

  it('finds none when nothing recurs: a title page’s own footer is not running text', () => {
    expect(runningText([page(1, [], ['Title page only']), page(2, [], []), page(3, [], ['7'])])).toBeUndefined();
  });
});
