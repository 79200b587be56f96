-- API keys' lifecycle (a label, an expiry, when last used, who revoked) and where each audited change came from.

ALTER TABLE api_keys ADD COLUMN label TEXT NULL;
-- NULL: never expires.
ALTER TABLE api_keys ADD COLUMN expires_at @TIMESTAMP@ NULL;
-- Written at most once a minute per key, so that a burst of requests does not write on every request.
ALTER TABLE api_keys ADD COLUMN last_used_at @TIMESTAMP@ NULL;
ALTER TABLE api_keys ADD COLUMN revoked_by TEXT NULL;
CREATE INDEX ix_api_keys_agency ON api_keys (agency_code);

-- The caller's IP address, 'cli' for the admin command or 'system' for the node itself (start-up recovery, the demo
-- seed). Rows written before this column existed do not know.
ALTER TABLE audit_log ADD COLUMN source TEXT NOT NULL DEFAULT 'unknown';
CREATE INDEX ix_audit_log_at ON audit_log (at);
