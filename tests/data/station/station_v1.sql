-- A station database as version 1 of the schema wrote it (PRAGMA user_version = 1),
-- with a few scans still pending. Used by the in-place upgrade test.
BEGIN;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta (key, value) VALUES ('last_seq', '0');
CREATE TABLE events (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        type TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        operator TEXT NOT NULL DEFAULT '',
        code TEXT NOT NULL DEFAULT '',
        parent TEXT NOT NULL DEFAULT '',
        bill TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        sync_state TEXT NOT NULL DEFAULT 'pending'
            CHECK (sync_state IN ('pending', 'done')));
CREATE INDEX ix_events_pending ON events (sync_state, seq);
CREATE TABLE bags (
        code TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('parent', 'child')),
        parent TEXT,
        child_count INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'open',
        bill TEXT);
CREATE INDEX ix_bags_parent ON bags (parent);
CREATE INDEX ix_bags_bill ON bags (bill);
CREATE TABLE bills (
        bill_id TEXT PRIMARY KEY,
        capacity INTEGER NOT NULL,
        destination TEXT NOT NULL DEFAULT '',
        vehicle TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'new',
        parent_count INTEGER NOT NULL DEFAULT 0,
        actual_kg INTEGER NOT NULL DEFAULT 0,
        expected_kg INTEGER NOT NULL DEFAULT 0);
CREATE TABLE users (
        username TEXT PRIMARY KEY,
        display_name TEXT NOT NULL DEFAULT '',
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL,
        area TEXT NOT NULL DEFAULT '',
        badge TEXT,
        disabled INTEGER NOT NULL DEFAULT 0);
CREATE TABLE settings (key TEXT PRIMARY KEY, data TEXT NOT NULL);
UPDATE meta SET value = '3' WHERE key = 'last_seq';
INSERT INTO meta (key, value) VALUES ('station_id', 'st_v1station');
INSERT INTO meta (key, value) VALUES ('cursor', '77');
INSERT INTO events (id, seq, type, occurred_at, operator, code, parent, bill, data, created_at, sync_state) VALUES
  ('01900000-0000-7000-8000-000000000001', 1, 'parent_scan', '2026-06-01T09:00:00.000+05:30', 'ravi', 'SB00042', '', '', '{}', '2026-06-01T03:30:00.000+00:00', 'done'),
  ('01900000-0000-7000-8000-000000000002', 2, 'child_link', '2026-06-01T09:00:05.000+05:30', 'ravi', '0016586', 'SB00042', '', '{}', '2026-06-01T03:30:05.000+00:00', 'pending'),
  ('01900000-0000-7000-8000-000000000003', 3, 'child_link', '2026-06-01T09:00:09.000+05:30', 'ravi', '0016587', 'SB00042', '', '{}', '2026-06-01T03:30:09.000+00:00', 'pending');
INSERT INTO bags (code, kind, parent, child_count, status, bill) VALUES
  ('SB00042', 'parent', NULL, 2, 'open', NULL),
  ('0016586', 'child', 'SB00042', 0, 'open', NULL),
  ('0016587', 'child', 'SB00042', 0, 'open', NULL);
INSERT INTO users (username, display_name, password_hash, role, area, badge, disabled) VALUES
  ('ravi', 'Ravi', '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$invalidbutstored', 'dispatcher', 'Lucknow', NULL, 0);
PRAGMA user_version = 1;
COMMIT;
