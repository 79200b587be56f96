-- The outbox: every email the product sends (docs/email.md).
--
-- A message is written in the transaction of what causes it (an inbox notification, a reminder found due), so that it
-- is sent if and only if its cause committed. dedupe_key is UNIQUE: a writer that runs twice (two nodes' daily checks,
-- a retried transaction) makes one message, never two. A sender on any node claims due rows for claimed_until (a lease
-- longer than one SMTP exchange may last); a row whose lease ran out with sent_at still NULL is claimed again.
-- not_before is when a message may next be tried: its creation, then later after each failure (backoff). A message is
-- either sent (sent_at) or dropped (dropped_at, with the reason in last_error: its person no longer wants the kind, or
-- was disabled); one that fails is retried, never dropped for failing.
CREATE TABLE outbox_messages (
    id            @ID@,
    kind          TEXT NOT NULL,                  -- an email kind (silo/Email/EmailKind.cs), which a person may turn off
    person_id     BIGINT NULL REFERENCES people (id),
    recipient     TEXT NOT NULL,                  -- the address, as it was when the message was written
    subject       TEXT NOT NULL,
    text_body     TEXT NOT NULL,
    html_body     TEXT NOT NULL,
    headers       TEXT NOT NULL,                  -- JSON object of extra headers (List-Unsubscribe ...)
    dedupe_key    TEXT NOT NULL UNIQUE,
    created_at    @TIMESTAMP@ NOT NULL,
    not_before    @TIMESTAMP@ NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,     -- claims so far, each one try
    last_error    TEXT NULL,
    claimed_by    TEXT NULL,                      -- the node instance (node_instances.instance_id) sending it
    claimed_until @TIMESTAMP@ NULL,
    sent_at       @TIMESTAMP@ NULL,
    dropped_at    @TIMESTAMP@ NULL
);
CREATE INDEX ix_outbox_messages_due ON outbox_messages (sent_at, dropped_at, not_before);

-- Which kinds of email each person gets. No row: the kind's default (every kind is wanted until the person says not).
CREATE TABLE email_preferences (
    person_id  BIGINT NOT NULL REFERENCES people (id),
    kind       TEXT NOT NULL,
    wanted     INTEGER NOT NULL,                  -- 1 or 0
    updated_at @TIMESTAMP@ NOT NULL,
    PRIMARY KEY (person_id, kind)
);

-- The daily checks that write reminders (a response due within a week, say): one run a check a day, claimed by one
-- node with a lease. A node that dies mid-run leaves it unfinished and its lease runs out: another node runs it again,
-- and the reminders' dedupe keys make that second run write only what the first did not.
CREATE TABLE email_job_runs (
    job           TEXT NOT NULL,
    day           TEXT NOT NULL,                  -- yyyy-MM-dd
    claimed_by    TEXT NOT NULL,
    claimed_until @TIMESTAMP@ NOT NULL,
    done_at       @TIMESTAMP@ NULL,
    PRIMARY KEY (job, day)
);
