-- Catalogue, returns ledger, grain state and API keys.
-- Tokens such as @ID@ are replaced per engine by SchemaMigrator (SqlDialect), so that one script serves
-- SQLite and PostgreSQL.

CREATE TABLE places (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    parent_code TEXT NULL REFERENCES places (code)
);

CREATE TABLE agencies (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    sector TEXT NOT NULL
);

CREATE TABLE indicators (
    code      TEXT PRIMARY KEY,
    title     TEXT NOT NULL,
    theme     TEXT NOT NULL,
    unit      TEXT NOT NULL,
    polarity  TEXT NOT NULL,
    frequency TEXT NOT NULL,
    combine   TEXT NOT NULL
);

CREATE TABLE boards (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    place_code TEXT NOT NULL REFERENCES places (code)
);
CREATE INDEX ix_boards_place ON boards (place_code);

CREATE TABLE board_members (
    board_id    TEXT NOT NULL REFERENCES boards (id),
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    PRIMARY KEY (board_id, agency_code)
);

-- Which indicators an agency returns (who may submit what).
CREATE TABLE agency_indicators (
    agency_code    TEXT NOT NULL REFERENCES agencies (code),
    indicator_code TEXT NOT NULL REFERENCES indicators (code),
    PRIMARY KEY (agency_code, indicator_code)
);

-- Named groups of places to compare with, such as CIPFA nearest neighbours.
CREATE TABLE comparator_groups (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    place_code TEXT NOT NULL REFERENCES places (code)
);

CREATE TABLE comparator_group_members (
    group_id   TEXT NOT NULL REFERENCES comparator_groups (id),
    place_code TEXT NOT NULL REFERENCES places (code),
    PRIMARY KEY (group_id, place_code)
);

-- Append-only: a correction is a new revision; nothing here is updated or deleted.
CREATE TABLE returns_ledger (
    id             @ID@,
    batch_id       TEXT NOT NULL,
    place_code     TEXT NOT NULL,
    indicator_code TEXT NOT NULL,
    period         TEXT NOT NULL,
    agency_code    TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    numerator      DOUBLE PRECISION NOT NULL,
    denominator    DOUBLE PRECISION NULL,
    note           TEXT NULL,
    submitted_by   TEXT NOT NULL,
    submitted_at   @TIMESTAMP@ NOT NULL,
    UNIQUE (place_code, indicator_code, period, agency_code, revision)
);
CREATE INDEX ix_returns_ledger_batch ON returns_ledger (batch_id);

-- Each grain's state as JSON, with the version that arbitrates between nodes.
CREATE TABLE grain_state (
    grain_type TEXT NOT NULL,
    grain_key  TEXT NOT NULL,
    version    BIGINT NOT NULL,
    data       TEXT NOT NULL,
    updated_at @TIMESTAMP@ NOT NULL,
    PRIMARY KEY (grain_type, grain_key)
);

-- Only a hash of each key is kept; the key itself is shown once, when it is made.
CREATE TABLE api_keys (
    id          TEXT PRIMARY KEY,
    key_hash    TEXT NOT NULL,
    agency_code TEXT NULL REFERENCES agencies (code),
    is_admin    INTEGER NOT NULL,
    created_at  @TIMESTAMP@ NOT NULL,
    revoked_at  @TIMESTAMP@ NULL
);
