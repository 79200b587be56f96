-- The v1 returns contract: schedules, batches staged before they are applied, idempotency, reopened periods, audit.

-- Periods are due due_days after they end, and locked lock_days after that (NULL: never locked).
ALTER TABLE indicators ADD COLUMN due_days INTEGER NOT NULL DEFAULT 30;
ALTER TABLE indicators ADD COLUMN lock_days INTEGER NULL;
ALTER TABLE indicators ADD COLUMN target DOUBLE PRECISION NULL;

-- A batch is written here, whole and validated, before any grain sees it: if the process dies while applying it,
-- the batch is applied again at start-up, so an accepted value is never lost.
CREATE TABLE return_batches (
    id           TEXT PRIMARY KEY,
    agency_code  TEXT NOT NULL REFERENCES agencies (code),
    submitted_by TEXT NOT NULL,
    source       TEXT NOT NULL,
    row_count    INTEGER NOT NULL,
    status       TEXT NOT NULL,
    received_at  @TIMESTAMP@ NOT NULL,
    applied_at   @TIMESTAMP@ NULL,
    result       TEXT NULL
);
CREATE INDEX ix_return_batches_status ON return_batches (status);

CREATE TABLE return_batch_rows (
    batch_id       TEXT NOT NULL REFERENCES return_batches (id),
    row_number     INTEGER NOT NULL,
    place_code     TEXT NOT NULL,
    indicator_code TEXT NOT NULL,
    period         TEXT NOT NULL,
    numerator      DOUBLE PRECISION NOT NULL,
    denominator    DOUBLE PRECISION NULL,
    note           TEXT NULL,
    PRIMARY KEY (batch_id, row_number)
);

-- The first answer to each Idempotency-Key, per agency, and a hash of the request it answered.
CREATE TABLE idempotency_keys (
    agency_code     TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash    TEXT NOT NULL,
    status_code     INTEGER NOT NULL,
    response        TEXT NOT NULL,
    created_at      @TIMESTAMP@ NOT NULL,
    PRIMARY KEY (agency_code, idempotency_key)
);

-- A locked period reopened for one agency, with the reason the audit keeps.
CREATE TABLE period_reopenings (
    id             @ID@,
    agency_code    TEXT NOT NULL REFERENCES agencies (code),
    indicator_code TEXT NOT NULL REFERENCES indicators (code),
    period         TEXT NOT NULL,
    reason         TEXT NOT NULL,
    reopened_by    TEXT NOT NULL,
    reopened_at    @TIMESTAMP@ NOT NULL
);
CREATE INDEX ix_period_reopenings_agency ON period_reopenings (agency_code, indicator_code, period);

-- Who changed what in the catalogue and the schedule, and why.
CREATE TABLE audit_log (
    id      @ID@,
    at      @TIMESTAMP@ NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail  TEXT NOT NULL
);
