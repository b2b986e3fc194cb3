import { describe, expect, it } from 'vitest';
import { fileNoticeLines, ocrPages, pageRanges } from '../src/model/file-warnings.ts';
import type { FileWarning } from '../src/model/file-warnings.ts';

const ocrWarning = (page: number, confidence: number): FileWarning => ({ code: 'PDF_OCR_PAGE', message: `Page ${page} is a scanned image: its text was recognized by OCR (average confidence ${confidence}%) and may contain recognition errors.`, pages: [page] });

describe('the "About this file" notice', () => {
  it('joins runs of pages', () => {
    expect(pageRanges([9, 1, 2, 3, 7, 10])).toBe('1–3, 7, 9–10');
    expect(pageRanges([4])).toBe('4');
  });

  it('says once which pages OCR read, and names the least certain page', () => {
    const warnings: FileWarning[] = [ocrWarning(1, 95), ocrWarning(2, 84), ocrWarning(3, 93), { code: 'PDF_OCR_TIMEOUT', message: 'Page 5 is a scanned image and text recognition (OCR) did not finish.', pages: [5] }];
    const lines = fileNoticeLines(warnings);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({ ocr: true, text: expect.stringMatching(/^Pages 1–3 were scanned images: the text was read by optical character recognition \(OCR\) and may contain recognition errors.* The least certain is page 2 \(84% confidence\)\. Check every quote/) });
    expect(lines[1]).toEqual({ ocr: false, text: warnings[3]!.message });
    expect(ocrPages(warnings)).toEqual([1, 2, 3]);
  });

  it('leaves a file without OCR as it was', () => {
    const warnings: FileWarning[] = [{ code: 'PDF_IMAGE_ONLY_PAGES', message: 'Page 2 is a scanned image.', pages: [2] }];
    expect(fileNoticeLines(warnings)).toEqual([{ ocr: false, text: 'Page 2 is a scanned image.' }]);
  });
});
