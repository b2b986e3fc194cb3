/**
 * `ReviewStore` on an embedded SQLite database (better-sqlite3): one file in the data dir, no
 * server to run, WAL so readers never block the writer, and every multi-row change in one
 * transaction so a crash or a concurrent request never leaves a half-saved review.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ContractDocument } from '@redliner/parser';
import type { AnalysisReport, Finding, KeyTermsReport, Severity, TermCorrection, TermCorrections } from '@redliner/rules';
import { migrate, MIGRATIONS } from './migrations.ts';
import type { DecisionInput, DroppedDecision, FindingTally, NewReview, ReanalysisOutcome, ReviewRecord, ReviewRuleset, ReviewStore, ReviewSummary, StoredDecision } from './review-store.ts';
import { decisionParams, SUMMARY_COLUMNS, toDecision, toSummary, type DecisionRow, type SummaryRow } from './rows.ts';

/** The SQLite store, with what the data-dir guard needs beyond `ReviewStore`. */
export interface SqliteReviewStore extends ReviewStore {
  /**
   * Copy the write-ahead log into the database and start it over, so the next write reuses the
   * log's disk space instead of growing it (what a delete on a full disk needs).
   */
  restartLog(): void;
}

/**
 * Open (creating and migrating as needed) the database at `file`; `:memory:` works for tests.
 * `readOnly` opens an existing database without writing to it (a read-only data dir); writes
 * then fail with SQLite's SQLITE_READONLY.
 */
export function openSqliteStore(file: string, options: { readOnly?: boolean } = {}): SqliteReviewStore {
  if (options.readOnly) {
    const db = openReadOnly(file);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== MIGRATIONS.length) {
      db.close();
      throw Object.assign(new Error(`the database is at schema ${version} and cannot be upgraded read-only`), { code: 'SQLITE_READONLY' });
    }
    return new SqliteStore(db);
  }
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Another process on the same file (a second server, a CLI) waits instead of failing at once.
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return new SqliteStore(db);
}

/** Largest database read into memory when a read-only folder does not let SQLite open it in place. */
const SNAPSHOT_LIMIT = 1024 * 1024 * 1024;

/**
 * An existing database, read-only. SQLite cannot open a WAL database in place in a folder it
 * cannot write (it needs its shared-memory file), so then a copy is read into memory, marked as
 * an ordinary (non-WAL) database: the reviews can still be read.
 */
function openReadOnly(file: string): Database.Database {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get(); // WAL open errors show on the first read
    return db;
  } catch (error) {
    if (!existsSync(file) || statSync(file).size > SNAPSHOT_LIMIT) throw error;
    const bytes = readFileSync(file);
    // Bytes 18 and 19 of the header are the file format's write and read versions: 2 is WAL, 1 the rollback journal.
    bytes[18] = 1;
    bytes[19] = 1;
    return new Database(bytes, { readonly: true });
  }
}

/** Report without findings (they live in their own rows). */
function reportShell(report: AnalysisReport): string {
  return JSON.stringify({ ...report, findings: [] });
}

class SqliteStore implements SqliteReviewStore {
  readonly #db: Database.Database;
  readonly #summaryById: Database.Statement<[string], SummaryRow>;
  readonly #reviewExists: Database.Statement<[string], { id: string }>;
  readonly #findingJson: Database.Statement<[string, string], { json: string }>;
  readonly #findings: Database.Statement<[string], { finding_id: string; json: string }>;
  readonly #decisions: Database.Statement<[string], DecisionRow>;
  readonly #upsertDecision: Database.Statement<Record<string, string | number | null>>;
  readonly #upsertFinding: Database.Statement<[string, string, number, string]>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#summaryById = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM reviews r WHERE r.id = ?`);
    this.#reviewExists = db.prepare('SELECT id FROM reviews WHERE id = ?');
    this.#findingJson = db.prepare('SELECT json FROM findings WHERE review_id = ? AND finding_id = ?');
    this.#findings = db.prepare('SELECT finding_id, json FROM findings WHERE review_id = ? ORDER BY ord');
    this.#decisions = db.prepare('SELECT finding_id, action, alternative, text, reason, comment, scope, decided_at FROM decisions WHERE review_id = ? ORDER BY decided_at, finding_id');
    this.#upsertDecision = db.prepare(`INSERT INTO decisions (review_id, finding_id, action, alternative, text, reason, comment, scope, decided_at)
      VALUES (@review_id, @finding_id, @action, @alternative, @text, @reason, @comment, @scope, @decided_at)
      ON CONFLICT (review_id, finding_id) DO UPDATE SET action = excluded.action, alternative = excluded.alternative, text = excluded.text,
        reason = excluded.reason, comment = excluded.comment, scope = excluded.scope, decided_at = excluded.decided_at`);
    this.#upsertFinding = db.prepare(`INSERT INTO findings (review_id, finding_id, ord, json) VALUES (?, ?, ?, ?)
      ON CONFLICT (review_id, finding_id) DO UPDATE SET ord = excluded.ord, json = excluded.json`);
  }

  async create(review: NewReview): Promise<ReviewSummary> {
    const id = randomUUID();
    const now = new Date().toISOString();
    const { report, ruleset } = review;
    this.#db.transaction(() => {
      this.#db
        .prepare(`INSERT INTO reviews (id, name, created_at, updated_at, format, sha256, ruleset_id, ruleset_name, ruleset_version, high, medium, low, total, document_json, report_json)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, review.name, now, now, review.document.format, review.document.sha256, ruleset.id, ruleset.name, ruleset.version ?? null,
          report.summary.high, report.summary.medium, report.summary.low, report.summary.total, JSON.stringify(review.document), reportShell(report));
      this.#db.prepare('INSERT INTO originals (review_id, bytes) VALUES (?, ?)').run(id, Buffer.from(review.original.buffer, review.original.byteOffset, review.original.byteLength));
      report.findings.forEach((finding, ord) => this.#upsertFinding.run(id, finding.id, ord, JSON.stringify(finding)));
    }).immediate();
    return toSummary(this.#summaryById.get(id)!);
  }

  async list(): Promise<ReviewSummary[]> {
    const rows = this.#db.prepare<[], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM reviews r ORDER BY r.created_at DESC, r.id`).all();
    return rows.map(toSummary);
  }

  async get(id: string): Promise<ReviewRecord | undefined> {
    // One read transaction, so the review, its findings and decisions are a consistent snapshot.
    return this.#db.transaction(() => {
      const summary = this.#summaryById.get(id);
      if (!summary) return undefined;
      const row = this.#db.prepare<[string], { document_json: string; report_json: string }>('SELECT document_json, report_json FROM reviews WHERE id = ?').get(id)!;
      const report = JSON.parse(row.report_json) as AnalysisReport;
      report.findings = this.#findings.all(id).map((f) => JSON.parse(f.json) as Finding);
      return { summary: toSummary(summary), document: JSON.parse(row.document_json), report, decisions: this.#decisions.all(id).map(toDecision) };
    })();
  }

  async original(id: string): Promise<{ name: string; format: ContractDocument['format']; bytes: Uint8Array } | undefined> {
    const row = this.#db
      .prepare<[string], { name: string; format: ContractDocument['format']; bytes: Buffer }>('SELECT r.name, r.format, o.bytes FROM reviews r JOIN originals o ON o.review_id = r.id WHERE r.id = ?')
      .get(id);
    return row ? { name: row.name, format: row.format, bytes: new Uint8Array(row.bytes) } : undefined;
  }

  async finding(reviewId: string, findingId: string): Promise<Finding | 'no-review' | 'no-finding'> {
    const row = this.#findingJson.get(reviewId, findingId);
    if (row) return JSON.parse(row.json) as Finding;
    return this.#reviewExists.get(reviewId) ? 'no-finding' : 'no-review';
  }

  async setDecision(reviewId: string, findingId: string, decision: DecisionInput): Promise<StoredDecision | 'no-review' | 'no-finding'> {
    const decidedAt = new Date().toISOString();
    return this.#db.transaction((): StoredDecision | 'no-review' | 'no-finding' => {
      if (!this.#findingJson.get(reviewId, findingId)) return this.#reviewExists.get(reviewId) ? 'no-finding' : 'no-review';
      this.#upsertDecision.run(decisionParams(reviewId, findingId, decision, decidedAt));
      this.#db.prepare('UPDATE reviews SET updated_at = ? WHERE id = ?').run(decidedAt, reviewId);
      return { ...decision, findingId, decidedAt };
    }).immediate();
  }

  async replaceAnalysis(id: string, report: AnalysisReport, ruleset: ReviewRuleset): Promise<ReanalysisOutcome | undefined> {
    const now = new Date().toISOString();
    const outcome = this.#db.transaction(() => {
      if (!this.#reviewExists.get(id)) return undefined;
      const next = new Map(report.findings.map((f) => [f.id, f]));
      const dropped: DroppedDecision[] = [];
      const kept: string[] = [];
      for (const decision of this.#decisions.all(id).map(toDecision)) {
        const finding = next.get(decision.findingId);
        if (!finding) dropped.push({ decision, reason: 'finding-gone' });
        else if (decision.action === 'accept' && decision.alternative !== undefined && decision.alternative >= (finding.redline?.alternatives.length ?? 0)) {
          // The rule now offers fewer fallbacks: the chosen one no longer exists, so the choice is void.
          dropped.push({ decision, reason: 'alternative-gone' });
          this.#db.prepare('DELETE FROM decisions WHERE review_id = ? AND finding_id = ?').run(id, decision.findingId);
        } else kept.push(decision.findingId);
      }
      const stale = this.#findings.all(id).filter((f) => !next.has(f.finding_id));
      // Deleting a finding cascades to its decision (the foreign key), which is exactly "dropped".
      for (const f of stale) this.#db.prepare('DELETE FROM findings WHERE review_id = ? AND finding_id = ?').run(id, f.finding_id);
      report.findings.forEach((finding, ord) => this.#upsertFinding.run(id, finding.id, ord, JSON.stringify(finding)));
      this.#db
        .prepare(`UPDATE reviews SET updated_at = ?, ruleset_id = ?, ruleset_name = ?, ruleset_version = ?, high = ?, medium = ?, low = ?, total = ?, report_json = ? WHERE id = ?`)
        .run(now, ruleset.id, ruleset.name, ruleset.version ?? null, report.summary.high, report.summary.medium, report.summary.low, report.summary.total, reportShell(report), id);
      return { summary: toSummary(this.#summaryById.get(id)!), kept, dropped };
    }).immediate();
    return outcome;
  }

  async delete(id: string): Promise<boolean> {
    return this.#db.prepare('DELETE FROM reviews WHERE id = ?').run(id).changes > 0;
  }

  async termCorrections(reviewId: string): Promise<TermCorrections | undefined> {
    return this.#db.transaction(() => {
      if (!this.#reviewExists.get(reviewId)) return undefined;
      const rows = this.#db
        .prepare<[string], { field_id: string; text: string; note: string | null; corrected_at: string }>('SELECT field_id, text, note, corrected_at FROM term_corrections WHERE review_id = ?')
        .all(reviewId);
      return Object.fromEntries(rows.map((r) => [r.field_id, { text: r.text, at: r.corrected_at, ...(r.note !== null ? { note: r.note } : {}) }]));
    })();
  }

  async setTermCorrection(reviewId: string, fieldId: string, correction: { text: string; note?: string }): Promise<TermCorrection | 'no-review'> {
    const at = new Date().toISOString();
    return this.#db.transaction((): TermCorrection | 'no-review' => {
      if (!this.#reviewExists.get(reviewId)) return 'no-review';
      this.#db
        .prepare(`INSERT INTO term_corrections (review_id, field_id, text, note, corrected_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (review_id, field_id) DO UPDATE SET text = excluded.text, note = excluded.note, corrected_at = excluded.corrected_at`)
        .run(reviewId, fieldId, correction.text, correction.note ?? null, at);
      this.#db.prepare('UPDATE reviews SET updated_at = ? WHERE id = ?').run(at, reviewId);
      return { text: correction.text, at, ...(correction.note !== undefined ? { note: correction.note } : {}) };
    }).immediate();
  }

  async deleteTermCorrection(reviewId: string, fieldId: string): Promise<boolean | 'no-review'> {
    return this.#db.transaction((): boolean | 'no-review' => {
      if (!this.#reviewExists.get(reviewId)) return 'no-review';
      return this.#db.prepare('DELETE FROM term_corrections WHERE review_id = ? AND field_id = ?').run(reviewId, fieldId).changes > 0;
    }).immediate();
  }

  async keyTermReading(reviewId: string, stamp: string): Promise<KeyTermsReport | undefined> {
    const row = this.#db.prepare<[string, string], { json: string }>('SELECT json FROM key_term_readings WHERE review_id = ? AND stamp = ?').get(reviewId, stamp);
    return row ? (JSON.parse(row.json) as KeyTermsReport) : undefined;
  }

  async saveKeyTermReading(reviewId: string, stamp: string, reading: KeyTermsReport): Promise<void> {
    // INSERT … SELECT writes nothing for a review deleted meanwhile, instead of failing its foreign key.
    this.#db
      .prepare(`INSERT INTO key_term_readings (review_id, stamp, json) SELECT id, ?, ? FROM reviews WHERE id = ?
        ON CONFLICT (review_id) DO UPDATE SET stamp = excluded.stamp, json = excluded.json`)
      .run(stamp, JSON.stringify(reading), reviewId);
  }

  async findingTallies(): Promise<Map<string, FindingTally[]>> {
    const rows = this.#db
      .prepare<[], { review_id: string; concept: string; severity: Severity }>("SELECT review_id, json_extract(json, '$.concept') AS concept, json_extract(json, '$.severity') AS severity FROM findings ORDER BY review_id, ord")
      .all();
    const out = new Map<string, FindingTally[]>();
    for (const { review_id: id, concept, severity } of rows) {
      const list = out.get(id);
      if (list) list.push({ concept, severity });
      else out.set(id, [{ concept, severity }]);
    }
    return out;
  }

  restartLog(): void {
    this.#db.pragma('wal_checkpoint(RESTART)');
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
