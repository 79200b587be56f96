-- What several nodes over one store share (Scrutiny:Cluster:Provider): who is in the cluster, the calendar's clocks,
-- and the keys that sign cookies and antiforgery tokens. Written for this project; no provider's scripts are used.

-- Orleans membership (provider PostgreSql). cluster_versions holds the membership table's version, which every change to
-- the table moves on: a silo writes only if the version it read is still the one there (Orleans' optimistic concurrency).
CREATE TABLE cluster_versions (
    cluster_id TEXT PRIMARY KEY,
    version    INTEGER NOT NULL
);

-- One row per silo that joined, dead ones included until they are cleaned up. entry is the membership entry as JSON
-- (status, ports, host and silo names, start time, suspicions); i_am_alive is written on its own every few seconds.
CREATE TABLE cluster_members (
    cluster_id   TEXT NOT NULL,
    silo_address TEXT NOT NULL,
    entry        TEXT NOT NULL,
    i_am_alive   @TIMESTAMP@ NOT NULL,
    PRIMARY KEY (cluster_id, silo_address)
);

-- Orleans reminders (providers Localhost and PostgreSql): durable clocks that fire once per cluster. grain_hash is the
-- grain's uniform hash, by which each silo reads the reminders of its own share of the ring.
CREATE TABLE grain_reminders (
    service_id    TEXT NOT NULL,
    grain_id      TEXT NOT NULL,
    reminder_name TEXT NOT NULL,
    grain_hash    BIGINT NOT NULL,
    start_at      @TIMESTAMP@ NOT NULL,
    period_ms     BIGINT NOT NULL,
    etag          BIGINT NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);
CREATE INDEX ix_grain_reminders_hash ON grain_reminders (service_id, grain_hash);

-- ASP.NET Core data-protection keys (the key ring), shared by every node: a cookie or antiforgery token made on one
-- node is read on another. xml is the key as the data-protection system writes it.
CREATE TABLE data_protection_keys (
    name       TEXT PRIMARY KEY,
    xml        TEXT NOT NULL,
    created_at @TIMESTAMP@ NOT NULL
);
