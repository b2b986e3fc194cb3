/**
 * A full disk and a read-only data dir, on every write path: uploads, re-analysis, decisions,
 * key-term corrections, rule and vocabulary saves, rule deletes. Failures are injected: node:fs
 * calls whose path matches `fsFault` throw the errno a full or read-only disk gives, and SQLite
 * write statements throw better-sqlite3's own SqliteError while `dbFault` names a code. One test
 * fills the database for real (SQLite's max_page_count), so the mapping of its real error is
 * checked too.
 */
import * as fs from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type Database from 'better-sqlite3';
import { closeParserPool } from '@redliner/parser';
import { storageFailureOf } from '../src/store/storage-failure.ts';
import { cleanupDirs, FIXTURES, makeApp, OWN_RULE, problemOf, tempDataDir, upload } from './helpers.ts';

const faults: {
  fs: { path: RegExp; code: string } | null;
  db: ((sql: string) => string | undefined) | null;
  opened: Database.Database[];
} = { fs: null, db: null, opened: [] };

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const failing = <F extends (...args: never[]) => unknown>(fn: F): F =>
    ((...args: Parameters<F>) => {
      const path = String(args[0]);
      if (faults.fs && faults.fs.path.test(path)) throw Object.assign(new Error(`${faults.fs.code}: injected, '${path}'`), { code: faults.fs.code, path });
      return fn(...args);
    }) as F;
  const wrapped = {
    writeFileSync: failing(real.writeFileSync),
    renameSync: failing(real.renameSync),
    mkdirSync: failing(real.mkdirSync),
    mkdtempSync: failing(real.mkdtempSync),
    rmSync: failing(real.rmSync),
  };
  return { ...real, ...wrapped, default: { ...real, ...wrapped } };
});

vi.mock('better-sqlite3', async (importOriginal) => {
  const Real = (await importOriginal<{ default: typeof Database }>()).default;
  const wrap = (statement: Database.Statement, sql: string): Database.Statement => {
    if (!/^\s*(INSERT|UPDATE|DELETE)/i.test(sql)) return statement;
    const run = statement.run.bind(statement);
    Object.defineProperty(statement, 'run', {
      value: (...params: unknown[]) => {
        const code = faults.db?.(sql);
        if (code) throw new Real.SqliteError(code === 'SQLITE_FULL' ? 'database or disk is full' : 'attempt to write a readonly database', code);
        return (run as (...p: unknown[]) => Database.RunResult)(...params);
      },
    });
    return statement;
  };
  class Faulty extends Real {
    constructor(...args: ConstructorParameters<typeof Real>) {
      super(...args);
      faults.opened.push(this);
      const prepare = this.prepare.bind(this) as (...a: unknown[]) => Database.Statement;
      Object.defineProperty(this, 'prepare', { value: (...a: unknown[]) => wrap(prepare(...a), String(a[0])) });
    }
  }
  return { default: Faulty };
});

afterEach(() => {
  faults.fs = null;
  faults.db = null;
});
afterAll(async () => {
  await closeParserPool();
  cleanupDirs();
});

const WRITES = /^\s*(INSERT|UPDATE)/i;
const rulePath = (id: string) => `/api/rulesets/user%3Amy-rules/rules/${id}`;

type App = Awaited<ReturnType<typeof makeApp>>;

async function uploaded(app: App): Promise<{ id: string; findingId: string }> {
  const res = await upload(app, FIXTURES.docx);
  expect(res.statusCode, res.body).toBe(201);
  const review = res.json() as { id: string; findings: Array<{ id: string }> };
  return { id: review.id, findingId: review.findings[0]!.id };
}

/** The problem a lawyer sees: the code, the folder's name, and never the server's path. */
function expectStorageProblem(res: Awaited<ReturnType<App['inject']>>, dataDir: string, code: 'DISK_FULL' | 'DATA_DIR_READ_ONLY') {
  const body = problemOf(res);
  expect(body).toMatchObject({ httpStatus: code === 'DISK_FULL' ? 507 : 503, code });
  expect(body.detail).toContain(`"${basename(dataDir)}"`);
  expect(body.detail).not.toContain(dataDir);
  expect(body.detail).toMatch(code === 'DISK_FULL' ? /is full\. .*Delete old reviews or free space/ : /cannot write to its data folder.*Make the folder writable/);
  expect(body.detail).not.toMatch(/Try again;/);
}

describe('what a failed write is called', () => {
  it('maps real SQLite errors (a full database, a read-only connection) and errno codes', async () => {
    const { default: Sqlite } = await import('better-sqlite3'); // the mock only adds faults when asked
    const conn = new Sqlite(join(tempDataDir(), 'x.db'));
    conn.exec('CREATE TABLE t (b BLOB)');
    conn.pragma(`max_page_count = ${conn.pragma('page_count', { simple: true }) as number}`);
    const errors: unknown[] = [];
    try {
      conn.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(100_000));
    } catch (error) {
      errors.push(error);
    }
    conn.pragma('query_only = 1');
    try {
      conn.prepare('INSERT INTO t VALUES (1)').run();
    } catch (error) {
      errors.push(error);
    }
    conn.close();
    expect(errors.map(storageFailureOf)).toEqual(['disk-full', 'read-only']);
    expect(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOENT'].map((code) => storageFailureOf({ code }))).toEqual(['disk-full', 'disk-full', 'read-only', 'read-only', 'read-only', undefined]);
    expect(storageFailureOf(new Error('plain'))).toBeUndefined();
  });
});

// Each test uploads a few contracts; on a loaded machine that takes a while.
describe('a full disk', { timeout: 240_000 }, () => {
  it('answers 507 DISK_FULL for an upload, a re-analysis, a decision and a key-term correction, and saves nothing', async () => {
    const dataDir = tempDataDir();
    const app = await makeApp({ dataDir });
    try {
      const review = await uploaded(app);
      faults.db = (sql) => (WRITES.test(sql) ? 'SQLITE_FULL' : undefined);
      expectStorageProblem(await upload(app, FIXTURES.docx), dataDir, 'DISK_FULL');
      expectStorageProblem(await app.inject({ method: 'POST', url: `/api/reviews/${review.id}/reanalyze`, payload: {} }), dataDir, 'DISK_FULL');
      expectStorageProblem(await app.inject({ method: 'PUT', url: `/api/reviews/${review.id}/decisions/${review.findingId}`, payload: { action: 'reject' } }), dataDir, 'DISK_FULL');
      expectStorageProblem(await app.inject({ method: 'PUT', url: `/api/reviews/${review.id}/terms/cure-period`, payload: { text: '45 days' } }), dataDir, 'DISK_FULL');
      const storage = (await app.inject('/api/storage')).json();
      expect(storage).toMatchObject({ writable: false, problem: { code: 'DISK_FULL' } });
      faults.db = null;
      expect((await app.inject('/api/reviews')).json().reviews).toHaveLength(1);
      expect((await app.inject(`/api/reviews/${review.id}`)).json().decisions).toEqual({});
      // Space is back: the next save works, without a restart, and the warning goes.
      expect((await app.inject({ method: 'PUT', url: `/api/reviews/${review.id}/decisions/${review.findingId}`, payload: { action: 'reject' } })).statusCode).toBe(200);
      expect((await app.inject('/api/storage')).json()).toMatchObject({ writable: true });
    } finally {
      await app.close();
    }
  });

  it('a database that really fills up (SQLite max_page_count) answers DISK_FULL for an upload', async () => {
    const dataDir = tempDataDir();
    const app = await makeApp({ dataDir });
    try {
      await uploaded(app);
      const db = faults.opened.at(-1)!;
      expect(db.name).toBe(join(dataDir, 'redliner.db'));
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      expectStorageProblem(await upload(app, FIXTURES.docx), dataDir, 'DISK_FULL');
      expect((await app.inject('/api/reviews')).json().reviews).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('rule saves, vocabulary saves and turning a rule off answer DISK_FULL and leave the ruleset as it was', async () => {
    const dataDir = tempDataDir();
    const app = await makeApp({ dataDir });
    try {
      expect((await app.inject({ method: 'PUT', url: rulePath('own-gag-rule'), payload: { yaml: OWN_RULE } })).statusCode).toBe(200);
      const before = fs.readdirSync(join(dataDir, 'rulesets/my-rules')).sort();
      faults.fs = { path: /rulesets/, code: 'ENOSPC' };
      expectStorageProblem(await app.inject({ method: 'PUT', url: rulePath('own-gag-rule'), payload: { yaml: OWN_RULE.replace('Own rule', 'Changed') } }), dataDir, 'DISK_FULL');
      expectStorageProblem(await app.inject({ method: 'PUT', url: '/api/rulesets/user%3Amy-rules/disabled/own-gag-rule' }), dataDir, 'DISK_FULL');
      faults.fs = null;
      expect(fs.readdirSync(join(dataDir, 'rulesets/my-rules')).sort()).toEqual(before);
      expect(fs.readFileSync(join(dataDir, 'rulesets/my-rules/own-gag-rule.yaml'), 'utf8')).toContain('title: Own rule');
    } finally {
      await app.close();
    }
  });

  it('still deletes a review: the log space is reused, then the reserve is given back', async () => {
    const dataDir = tempDataDir();
    const app = await makeApp({ dataDir });
    try {
      const review = await uploaded(app);
      const reserve = join(dataDir, '.redliner-reserve');
      expect(fs.existsSync(reserve)).toBe(true);
      // The disk stays full until the reserve is given back.
      faults.db = () => (fs.existsSync(reserve) ? 'SQLITE_FULL' : undefined);
      expectStorageProblem(await upload(app, FIXTURES.docx), dataDir, 'DISK_FULL');
      const deleted = await app.inject({ method: 'DELETE', url: `/api/reviews/${review.id}` });
      expect(deleted.statusCode, deleted.body).toBe(204);
      expect(fs.existsSync(reserve)).toBe(false);
      expect((await app.inject('/api/reviews')).json().reviews).toEqual([]);
      // The next review that fits puts the reserve back.
      faults.db = null;
      await uploaded(app);
      expect(fs.existsSync(reserve)).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('a read-only data dir', { timeout: 240_000 }, () => {
  it('starts anyway with a warning, serves saved reviews, refuses saves with DATA_DIR_READ_ONLY, and recovers without a restart', async () => {
    const dataDir = tempDataDir();
    const seed = await makeApp({ dataDir });
    const review = await uploaded(seed);
    await seed.close();

    faults.fs = { path: new RegExp(`^${dataDir}`), code: 'EROFS' };
    const app = await makeApp({ dataDir });
    try {
      const storage = (await app.inject('/api/storage')).json();
      expect(storage).toMatchObject({ writable: false, folder: basename(dataDir), problem: { code: 'DATA_DIR_READ_ONLY' } });
      expect(storage.problem.detail).toMatch(/cannot be saved/);
      expect((await app.inject('/api/reviews')).json().reviews.map((r: { id: string }) => r.id)).toEqual([review.id]);
      expect((await app.inject(`/api/reviews/${review.id}`)).statusCode).toBe(200);
      expect((await app.inject(`/api/reviews/${review.id}/export.docx`)).statusCode).toBe(200);
      expectStorageProblem(await upload(app, FIXTURES.docx), dataDir, 'DATA_DIR_READ_ONLY');
      expectStorageProblem(await app.inject({ method: 'PUT', url: `/api/reviews/${review.id}/decisions/${review.findingId}`, payload: { action: 'reject' } }), dataDir, 'DATA_DIR_READ_ONLY');
      expectStorageProblem(await app.inject({ method: 'DELETE', url: `/api/reviews/${review.id}` }), dataDir, 'DATA_DIR_READ_ONLY');
      expectStorageProblem(await app.inject({ method: 'PUT', url: rulePath('own-gag-rule'), payload: { yaml: OWN_RULE } }), dataDir, 'DATA_DIR_READ_ONLY');

      faults.fs = null; // the folder is writable again
      const saved = await app.inject({ method: 'PUT', url: `/api/reviews/${review.id}/decisions/${review.findingId}`, payload: { action: 'reject' } });
      expect(saved.statusCode, saved.body).toBe(200);
      expect((await app.inject('/api/storage')).json()).toMatchObject({ writable: true });
      await uploaded(app);
      expect((await app.inject('/api/reviews')).json().reviews).toHaveLength(2);
    } finally {
      await app.close();
    }
    // What was saved after recovery is on disk, not in a copy in memory.
    const reopened = await makeApp({ dataDir });
    try {
      expect((await reopened.inject('/api/reviews')).json().reviews).toHaveLength(2);
    } finally {
      await reopened.close();
    }
  });

  it('with no database yet: starts empty and says why; a folder that turns read-only later is refused, then picked up again', async () => {
    const dataDir = join(tempDataDir(), 'fresh');
    faults.fs = { path: new RegExp(`^${dataDir}`), code: 'EACCES' };
    const app = await makeApp({ dataDir });
    try {
      expect((await app.inject('/api/reviews')).json().reviews).toEqual([]);
      expectStorageProblem(await upload(app, FIXTURES.docx), dataDir, 'DATA_DIR_READ_ONLY');
      faults.fs = null;
      const review = await uploaded(app);
      faults.db = () => 'SQLITE_READONLY';
      expectStorageProblem(await app.inject({ method: 'PUT', url: `/api/reviews/${review.id}/decisions/${review.findingId}`, payload: { action: 'reject' } }), dataDir, 'DATA_DIR_READ_ONLY');
      faults.db = null;
      expect((await app.inject({ method: 'PUT', url: `/api/reviews/${review.id}/decisions/${review.findingId}`, payload: { action: 'reject' } })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('deleting a rule from a read-only folder is refused with DATA_DIR_READ_ONLY and the rule stays', async () => {
    const dataDir = tempDataDir();
    const app = await makeApp({ dataDir });
    try {
      expect((await app.inject({ method: 'PUT', url: rulePath('own-gag-rule'), payload: { yaml: OWN_RULE } })).statusCode).toBe(200);
      faults.fs = { path: /own-gag-rule\.yaml$/, code: 'EROFS' };
      expectStorageProblem(await app.inject({ method: 'DELETE', url: rulePath('own-gag-rule') }), dataDir, 'DATA_DIR_READ_ONLY');
      expect(fs.existsSync(join(dataDir, 'rulesets/my-rules/own-gag-rule.yaml'))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
