-- The Orleans silo each node instance ran, so that the moment the cluster declares a silo dead (seconds after a kill),
-- the instance's reservations and batches are free to take over, rather than when its lease runs out.
ALTER TABLE node_instances ADD COLUMN silo_address TEXT NULL;
