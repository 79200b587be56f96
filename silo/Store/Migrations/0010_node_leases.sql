-- Who holds what, so that what a dead process held can be taken over at once rather than after a fixed wait.

-- One row per process (node instance) that ran against the store. A live instance renews lease_until; one whose lease
-- ran out, or that a restart of its node superseded, is dead.
CREATE TABLE node_instances (
    instance_id   TEXT PRIMARY KEY,
    node_name     TEXT NOT NULL,
    started_at    @TIMESTAMP@ NOT NULL,
    lease_until   @TIMESTAMP@ NOT NULL,
    superseded_by TEXT NULL
);
CREATE INDEX ix_node_instances_node ON node_instances (node_name);

-- The instance applying an accepted batch (NULL: none, so any node may). answer is the 200 body the batch gives,
-- kept once it is applied, so that an Idempotency-Key linked to the batch answers the same after a crash.
ALTER TABLE return_batches ADD COLUMN accepted_by TEXT NULL;
ALTER TABLE return_batches ADD COLUMN answer TEXT NULL;

-- A reservation (status_code 0) belongs to the instance that made it; batch_id links the key to the batch its request
-- committed, written in the same transaction. Reservations from before this migration have no owner: free to take.
ALTER TABLE idempotency_keys ADD COLUMN owner TEXT NULL;
ALTER TABLE idempotency_keys ADD COLUMN batch_id TEXT NULL;
