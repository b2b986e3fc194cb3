/** A data dir written by an older Redliner upgrades in place, keeping its decisions. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../src/store/migrations.ts';

describe('store migrations', () => {
  it('brings a schema-1 database to the latest version, and its decisions read as edits of the suggestion', () => {
    const db = new Database(':memory:');
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    db.exec(`INSERT INTO reviews VALUES ('r', 'n', 't', 't', 'docx', 's', 'payer-core', 'Payer core', NULL, 0, 0, 0, 0, '{}', '{}');
      INSERT INTO findings VALUES ('r', 'f', 0, '{}');
      INSERT INTO decisions (review_id, finding_id, action, text, decided_at) VALUES ('r', 'f', 'edit', 'Our words.', 't');`);
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT action, text, scope FROM decisions').get()).toEqual({ action: 'edit', text: 'Our words.', scope: null });
    // Only the one scope there is may be stored.
    expect(() => db.prepare("UPDATE decisions SET scope = 'paragraph'").run()).toThrow(/CHECK/);
    db.close();
  });
});
