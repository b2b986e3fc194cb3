/**
 * LibreOffice itself accepts and rejects every tracked change of a redlined payer draft:
 * accept-all must read as the suggested language, reject-all must read exactly as the
 * original. Driven over UNO (python3-uno) with a throwaway profile. The redline is written
 * without comments: LibreOffice 7.4 headless crashes loading any document with comments
 * through UNO (comments are covered by payer-draft.test.ts via --convert-to).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, loadRuleset } from '@redliner/rules';
import { redline } from './validated-redline.ts';
import { absenceAfter, libreOfficeScratch, parsed, sofficePath } from './helpers.ts';

const RULESET = fileURLToPath(new URL('../../../rulesets/payer-core', import.meta.url));
const TIMEOUT_MS = 180_000;

/** Load a document, optionally accept/reject all changes, store it as UTF-8 text; one soffice per call. */
const UNO_SCRIPT = String.raw`
import json, os, signal, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

def on_term(signum, frame):
    raise SystemExit('terminated')
signal.signal(signal.SIGTERM, on_term)

def count(doc):
    e = doc.getRedlines().createEnumeration(); n = 0
    while e.hasMoreElements():
        e.nextElement(); n += 1
    return n

soffice, profile, src = sys.argv[1], sys.argv[2], sys.argv[3]
jobs = [a.split('=', 1) for a in sys.argv[4:]]
pipe = 'redline%d' % os.getpid()
url = 'uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe
proc = subprocess.Popen([soffice, '-env:UserInstallation=' + uno.systemPathToFileUrl(profile), '--headless', '--invisible', '--nologo',
                         '--norestore', '--nodefault', '--nolockcheck', '--accept=pipe,name=%s;urp;StarOffice.ComponentContext' % pipe],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    ctx = None
    for _ in range(900):
        try:
            ctx = resolver.resolve(url); break
        except Exception:
            if proc.poll() is not None: raise SystemExit('soffice exited with %s' % proc.returncode)
            time.sleep(0.1)
    if ctx is None: raise SystemExit('could not connect to soffice')
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    dispatcher = smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
    report = []
    for mode, out in jobs:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), '_blank', 0, (prop('Hidden', True),))
        before = count(doc)
        command = {'accept': '.uno:AcceptAllTrackedChanges', 'reject': '.uno:RejectAllTrackedChanges'}.get(mode)
        if command: dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, '', 0, ())
        after = count(doc)
        doc.storeToURL(uno.systemPathToFileUrl(out), (prop('FilterName', 'Text (encoded)'), prop('FilterOptions', 'UTF8,LF')))
        doc.close(True)
        report.append({'mode': mode, 'before': before, 'after': after})
    print(json.dumps(report))
    try: desktop.terminate()
    except Exception: pass
finally:
    try: proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill(); proc.wait()
`;

/** A Python that can `import uno` (the pyenv python3 on PATH usually cannot), or null. */
function unoPython(): string | null {
  for (const candidate of ['/usr/bin/python3', 'python3', '/usr/lib/libreoffice/program/python']) {
    try {
      execFileSync(candidate, ['-c', 'import uno'], { stdio: 'ignore', timeout: 30_000 });
      return candidate;
    } catch {
      // try the next one
    }
  }
  return null;
}

const soffice = sofficePath();
const python = soffice ? unoPython() : null;
const skipReason = !soffice ? 'soffice not found' : !python ? 'python3-uno not installed (apt-get install -y python3-uno)' : null;
if (skipReason) console.warn(`LibreOffice accept/reject test skipped: ${skipReason}.`);

const scratch = libreOfficeScratch();
afterAll(() => scratch.cleanup());

interface UnoReport {
  mode: 'accept' | 'reject' | 'none';
  before: number;
  after: number;
}

/** Run LibreOffice over one DOCX; returns the text of each job and what it counted. */
function libreOfficeText(docx: Uint8Array, modes: UnoReport['mode'][]): { texts: Record<string, string>; report: UnoReport[] } {
  const dir = scratch.make('redline-lo-uno-');
  const src = join(dir, 'in.docx');
  writeFileSync(src, docx);
  writeFileSync(join(dir, 'changes.py'), UNO_SCRIPT);
  const outs = modes.map((m) => join(dir, `${m}.txt`));
  try {
    const stdout = execFileSync(python!, [join(dir, 'changes.py'), soffice!, join(dir, 'profile'), src, ...modes.map((m, i) => `${m}=${outs[i]}`)], {
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      killSignal: 'SIGTERM',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const report = JSON.parse(stdout.trim().split('\n').pop()!) as UnoReport[];
    const texts: Record<string, string> = {};
    modes.forEach((m, i) => {
      if (!existsSync(outs[i]!)) throw new Error(`LibreOffice wrote no ${m} text`);
      texts[m] = readFileSync(outs[i]!, 'utf8').replace(/^\uFEFF/, '');
    });
    return { texts, report };
  } finally {
    scratch.stop(dir);
  }
}

// New text takes the contract's quote style (curly here), so quotes compare as plain ones.
const norm = (s: string) => s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();

describe.skipIf(!!skipReason)('LibreOffice accepts and rejects the tracked changes', async () => {
  const { bytes, doc } = await parsed('payer-draft.docx');
  const { findings } = analyze(doc, loadRuleset(RULESET).ruleset);
  const result = await redline({ document: doc, findings, original: bytes, options: { comments: false, author: 'Provider Counsel', date: '2025-02-01T09:00:00Z', acceptUndecided: true } });
  const changed = result.applied.filter((a) => a.change);
  const suggested = changed.map((a) => findings.find((f) => f.id === a.findingId)!.redline!.text);

  // One soffice for the redline (accept + reject), one for the original, run lazily.
  let lo: { redlined: ReturnType<typeof libreOfficeText>; original: ReturnType<typeof libreOfficeText> } | undefined;
  const run = () => (lo ??= { redlined: libreOfficeText(result.bytes, ['accept', 'reject']), original: libreOfficeText(bytes, ['none']) });

  it('has tracked changes and no comments to work with', () => {
    expect(changed.length).toBeGreaterThan(2);
    expect(result.applied.every((a) => !a.comment)).toBe(true);
    expect(suggested.every((t) => t.trim().length > 0)).toBe(true);
  });

  it('sees the changes, and none are left after accepting or rejecting all', () => {
    const { redlined, original } = run();
    const [accept, reject] = redlined.report;
    // LibreOffice merges adjacent changes of one author and date (consecutive new paragraphs) into one
    expect(accept!.before).toBeGreaterThan(0);
    expect(accept!.after).toBe(0);
    expect(reject!.before).toBe(accept!.before);
    expect(reject!.after).toBe(0);
    expect(original.report[0]!.before).toBe(0);
  }, TIMEOUT_MS * 2);

  it('accept-all reads as the suggested language', () => {
    const text = norm(run().redlined.texts.accept!);
    for (const t of suggested) expect(text).toContain(norm(t));
    for (const a of changed) {
      const f = findings.find((x) => x.id === a.findingId)!;
      if (f.redline!.op === 'replace') expect(text, f.id).not.toContain(norm(f.quote));
    }
    // untouched clauses and their numbering are still there
    expect(text).toContain('3.2 Provider shall maintain medical and billing records');
    expect(text).toContain('4.2 Notices to Provider may be sent to <script>alert("x")</script> the address on file.');
  }, TIMEOUT_MS * 2);

  it('reject-all reads exactly as the original', () => {
    const { redlined, original } = run();
    expect(redlined.texts.reject).toBe(original.texts.none);
    for (const t of suggested) expect(norm(redlined.texts.reject!)).not.toContain(norm(t));
  }, TIMEOUT_MS * 2);
});

// A new clause after the last paragraph of a table cell or of the body has no next paragraph
// to join when its mark is rejected: Reject All must still give the original back exactly.
describe.skipIf(!!skipReason)('LibreOffice rejects new clauses at the end of a cell and of the body', async () => {
  const { bytes, doc } = await parsed('word-isms.docx');
  const findings = [
    absenceAfter(doc, '(CPT code)', 'New clause at the end of a table cell.', 'after-cell@1'),
    absenceAfter(doc, 'per visit', 'New clause at the end of the last cell.', 'after-last-cell@2'),
    absenceAfter(doc, 'Late payments bear interest.', 'New numbered clause before another list.', 'after-list@3'),
    absenceAfter(doc, 'After the table.', 'New clause at the end of the body.', 'after-body@4'),
  ];
  const decisions = Object.fromEntries(findings.map((f) => [f.id, { action: 'accept' }]));
  const result = await redline({ document: doc, findings, decisions, original: bytes, options: { comments: false, author: 'Provider Counsel', date: '2025-02-01T09:00:00Z' } });
  let lo: { redlined: ReturnType<typeof libreOfficeText>; original: ReturnType<typeof libreOfficeText> } | undefined;
  // The file already holds another author's revisions: compare with the original's own Reject All.
  const run = () => (lo ??= { redlined: libreOfficeText(result.bytes, ['accept', 'reject']), original: libreOfficeText(bytes, ['accept', 'reject']) });

  it('accept-all shows each new clause once, right after its anchor', () => {
    expect(result.applied.filter((a) => a.change === 'new-paragraph')).toHaveLength(4);
    const lines = run().redlined.texts.accept!.split('\n').map((l) => l.trim());
    for (const [anchor, added] of [['(CPT code)', 'New clause at the end of a table cell.'], ['per visit', 'New clause at the end of the last cell.'], ['After the table.', 'New clause at the end of the body.']] as const) {
      expect(lines.filter((l) => l.endsWith(added)), added).toHaveLength(1);
      expect(lines[lines.findIndex((l) => l.endsWith(added)) - 1], added).toBe(anchor);
    }
  }, TIMEOUT_MS * 2);

  it('reject-all leaves no empty paragraph or list label behind', () => {
    const { redlined, original } = run();
    expect(redlined.report[1]!.after).toBe(0);
    expect(redlined.texts.reject).toBe(original.texts.reject);
    expect(redlined.texts.accept!.split('\n').length).toBe(original.texts.accept!.split('\n').length + 4);
  }, TIMEOUT_MS * 2);
});
