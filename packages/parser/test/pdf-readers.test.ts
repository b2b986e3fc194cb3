import { describe, expect, it } from 'vitest';
import { openPdf } from '../src/pdf/load-pdf.ts';
import { readPages } from '../src/pdf/read-pages.ts';
import { fixture } from './pdf-helpers.ts';

describe('pdf.js threads', () => {
  it('run with every pdf.js fix applied to the installed pdfjs-dist', async () => {
    const { client } = await openPdf(fixture('flow.pdf'), 'flow.pdf', undefined, 30_000);
    try {
      // A pdfjs-dist upgrade that changes the patched code shows up here: check whether upstream
      // fixed it (then drop the patch) or update the patch text in pdfjs-load.mjs.
      expect(client.patches.sort()).toEqual(['native-array-push', 'skip-text-drawing', 'sync-inflate', 'text-content-double-save', 'text-state-clone']);
    } finally {
      await client.dispose();
    }
  });

  it('read the same pages whether one thread reads them or two share them', async () => {
    const read = async (threads: number, name: string) => {
      const bytes = fixture(name);
      const opened = await Promise.all(Array.from({ length: threads }, () => openPdf(bytes, name, undefined, 30_000)));
      try {
        return await readPages(opened.map((o) => Promise.resolve(o.client)), opened[0]!.numPages);
      } finally {
        await Promise.all(opened.map((o) => o.client.dispose()));
      }
    };
    for (const name of ['flow.pdf', 'table.pdf', 'partly-scanned.pdf']) {
      const one = await read(1, name);
      const two = await read(2, name);
      expect(two.map((p) => p.page)).toEqual(one.map((p, i) => i + 1));
      expect(two).toEqual(one);
    }
  });

  it('still read every page when the second thread cannot open the file', async () => {
    const bytes = fixture('flow.pdf');
    const { client, numPages } = await openPdf(bytes, 'flow.pdf', undefined, 30_000);
    try {
      const pages = await readPages([Promise.resolve(client), Promise.reject(new Error('no second thread'))], numPages);
      expect(pages.map((p) => p.page)).toEqual([1, 2]);
    } finally {
      await client.dispose();
    }
  });
});
