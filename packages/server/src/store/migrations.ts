/**
 * Schema migrations for the SQLite store, applied in order and tracked in `PRAGMA user_version`,
 * so a data dir written by an older version upgrades in place on start. Never edit a shipped
 * migration; append a new one.
 */
import type { Database } from 'better-sqlite3';

/** Ordered migrations; index + 1 is the schema version it produces. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    format TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    ruleset_id TEXT NOT NULL,
    ruleset_name TEXT NOT NULL,
    ruleset_version TEXT,
    high INTEGER NOT NULL,
    medium INTEGER NOT NULL,
    low INTEGER NOT NULL,
    total INTEGER NOT NULL,
    document_json TEXT NOT NULL,
    report_json TEXT NOT NULL
  ) STRICT;
  CREATE INDEX reviews_created ON reviews (created_at DESC);
  -- Originals live apart so listing reviews never reads the blobs.
  CREATE TABLE originals (
    review_id TEXT PRIMARY KEY REFERENCES reviews (id) ON DELETE CASCADE,
    bytes BLOB NOT NULL
  ) STRICT;
  CREATE TABLE findings (
    review_id TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    finding_id TEXT NOT NULL,
    ord INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (review_id, finding_id)
  ) STRICT;
  -- One row per decision: concurrent decisions on one review never overwrite each other, and a
  -- decision cannot outlive (or exist without) its finding.
  CREATE TABLE decisions (
    review_id TEXT NOT NULL,
    finding_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('accept', 'edit', 'reject')),
    alternative INTEGER,
    text TEXT,
    reason TEXT,
    comment INTEGER,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (review_id, finding_id),
    FOREIGN KEY (review_id, finding_id) REFERENCES findings (review_id, finding_id) ON DELETE CASCADE
  ) STRICT;
  `,
  // 2: an edit may rewrite the whole clause rather than the suggestion's words.
  `ALTER TABLE decisions ADD COLUMN scope TEXT CHECK (scope IN ('clause'));`,
  // 3: the user's corrections of key terms, one row per field, kept through re-analysis (a
  // correction is about the contract, not the rules) and gone with the review.
  `
  CREATE TABLE term_corrections (
    review_id TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    field_id TEXT NOT NULL,
    text TEXT NOT NULL,
    note TEXT,
    corrected_at TEXT NOT NULL,
    PRIMARY KEY (review_id, field_id)
  ) STRICT;
  `,
  // 4: key-term readings kept with their review, so the portfolio and the deadlines of many
  // reviews never read every contract again. `stamp` names the key-term definitions that made
  // the reading; a reading made by other definitions is read again and replaced.
  `
  CREATE TABLE key_term_readings (
    review_id TEXT PRIMARY KEY REFERENCES reviews (id) ON DELETE CASCADE,
    stamp TEXT NOT NULL,
    json TEXT NOT NULL
  ) STRICT;
  `,
];

/** Bring `db` up to the latest schema; each step runs in its own transaction. */
export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`this database was written by a newer Redliner (schema ${current}, this version knows ${MIGRATIONS.length}); upgrade Redliner or use another data dir`);
  }
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]!);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return MIGRATIONS.length;
}
