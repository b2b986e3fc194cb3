/** Shared helpers for the redline tests: fixtures, hand-made findings, zip access, LibreOffice. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { parseDocument } from '@redliner/parser';
import type { ContractDocument } from '@redliner/parser';
import type { Finding, Redline } from '@redliner/rules';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Bytes of a fixture file. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** Parse a fixture. */
export async function parsed(name: string): Promise<{ bytes: Uint8Array; doc: ContractDocument }> {
  const bytes = fixture(name);
  return { bytes, doc: await parseDocument(bytes, { name }) };
}

/** A presence finding on the first occurrence of `quote`, with an optional suggested redline. */
export function findingOn(doc: ContractDocument, quote: string, redline?: Partial<Redline> & Pick<Redline, 'op' | 'text'>, id?: string): Finding {
  const start = doc.text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in document: ${quote}`);
  const span = { start, end: start + quote.length };
  const f: Finding = {
    id: id ?? `test-rule@${start}`,
    ruleId: 'test-rule',
    concept: 'test',
    severity: 'high',
    kind: 'presence',
    message: `Flagged: ${quote}`,
    explanation: 'Why it **matters**: the payer *controls* this.\n\n- first point\n- second point',
    span,
    quote,
    location: {},
    references: [],
  };
  if (redline) f.redline = { alternatives: [], ...(redline.op !== 'insert' ? { span } : { insertAt: span.end }), ...redline };
  return f;
}

/** An absence finding that inserts a paragraph after the block containing `after`. */
export function absenceAfter(doc: ContractDocument, after: string, text: string, id = 'missing-clause@absent'): Finding {
  const at = doc.text.indexOf(after) + after.length;
  return {
    id,
    ruleId: 'missing-clause',
    concept: 'test',
    severity: 'medium',
    kind: 'absence',
    message: 'The contract has no such clause.',
    explanation: 'Add it.',
    span: null,
    quote: '',
    location: {},
    insertAt: at,
    redline: { op: 'insert', insertAt: at, text, alternatives: [], newParagraph: true },
    references: [],
  };
}

/** Every entry of a zip as bytes. */
export async function entries(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('uint8array'));
  return out;
}

/** One entry as text. */
export async function entryText(bytes: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async('string');
}

/** Path of soffice, or null when LibreOffice is not installed. */
export function sofficePath(): string | null {
  try {
    return execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** What LibreOffice sees in a DOCX: tracked insertions/deletions, their authors, and comments. */
export interface LibreOfficeView {
  insertions: number;
  deletions: number;
  authors: string[];
  annotations: number;
  annotationText: string;
}

/** Convert with headless LibreOffice to flat ODT (throwaway profile) and count what it read. */
export function libreOfficeView(soffice: string, docx: Uint8Array): LibreOfficeView {
  const dir = mkdtempSync(join(tmpdir(), 'redline-lo-'));
  try {
    writeFileSync(join(dir, 'in.docx'), docx);
    execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'fodt', '--outdir', dir, join(dir, 'in.docx')], { stdio: 'ignore', timeout: 120_000 });
    const fodt = readFileSync(join(dir, 'in.fodt'), 'utf8');
    const regions = fodt.match(/<text:changed-region[\s\S]*?<\/text:changed-region>/g) ?? [];
    const authors = regions.flatMap((r) => [...r.matchAll(/<dc:creator>([^<]*)<\/dc:creator>/g)].map((m) => m[1]!));
    const annotations = fodt.match(/<office:annotation[\s>][\s\S]*?<\/office:annotation>/g) ?? [];
    return {
      insertions: (fodt.match(/<text:insertion>/g) ?? []).length,
      deletions: (fodt.match(/<text:deletion>/g) ?? []).length,
      authors: [...new Set(authors)],
      annotations: annotations.length,
      annotationText: annotations.join('\n').replace(/<[^>]+>/g, ''),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Throwaway folders for LibreOffice runs (each holds its own profile). `stop` kills any
 * process still using a folder — soffice.bin outlives a killed wrapper — and `cleanup`
 * does that for every folder made and removes them.
 */
export function libreOfficeScratch(): { make(prefix: string): string; stop(dir: string): void; cleanup(): void } {
  const dirs: string[] = [];
  const kill = (targets: readonly string[]) => {
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (targets.some((d) => cmd.includes(d))) process.kill(Number(pid), 'SIGKILL');
      } catch {
        // gone already
      }
    }
  };
  return {
    make(prefix) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    stop: (dir) => kill([dir]),
    cleanup() {
      kill(dirs);
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
