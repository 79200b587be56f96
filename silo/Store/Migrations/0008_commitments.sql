-- Partnership boards' chairs and meeting dates, and the append-only records of their joint commitments.
--
-- A board's commitments (linked indicators, baseline and target, lead and contributing agencies, milestones,
-- updates, the current status override) and its Turn-the-Curve plans are the board grain's state: one JSON
-- document per board in grain_state, written under the version check with its audit_log rows in one transaction,
-- as an indicator's targets are. What must never be rewritten is appended here in that same transaction: every
-- status a commitment has had (derived or overridden, with the reason), and every movement of the pooled fund.

-- Who chairs the board: a name as the board minutes it, not an account.
ALTER TABLE boards ADD COLUMN chair TEXT NULL;

-- The board's meeting dates, past and planned; the meeting view covers what changed since the last one held.
CREATE TABLE board_meetings (
    board_id   TEXT NOT NULL REFERENCES boards (id),
    meets_on   TEXT NOT NULL,  -- yyyy-MM-dd, a local date: a meeting is on a day, not at an instant
    PRIMARY KEY (board_id, meets_on)
);

-- Every status a commitment has had, oldest first: derived from its milestones and indicators (set_by 'system')
-- or overridden by a person, who must give a reason. Nothing here is updated or deleted.
CREATE TABLE commitment_status_history (
    id            @ID@,
    board_id      TEXT NOT NULL REFERENCES boards (id),
    commitment_id TEXT NOT NULL,
    at            @TIMESTAMP@ NOT NULL,
    status        TEXT NOT NULL,   -- on_track, at_risk, off_track, done: what the board sees
    derived       TEXT NOT NULL,   -- what the milestones and indicators say, whatever the override
    overridden    INTEGER NOT NULL, -- 1 when status comes from an override
    reason        TEXT NULL,       -- required for an override; the rule that moved a derived status otherwise
    set_by        TEXT NOT NULL
);
CREATE INDEX ix_commitment_status_history_board ON commitment_status_history (board_id, at);

-- The board's pooled fund: each agency's contributions and the spend against commitments, per financial year
-- (April to March). Money is whole pence, never a floating-point number. A correction is a new row (a negative
-- amount), so the fund's history reads like a ledger.
CREATE TABLE pooled_fund_ledger (
    id             @ID@,
    board_id       TEXT NOT NULL REFERENCES boards (id),
    entry_id       TEXT NOT NULL,
    kind           TEXT NOT NULL,  -- contribution or spend
    on_date        TEXT NOT NULL,  -- yyyy-MM-dd; its financial year is derived from it
    financial_year TEXT NOT NULL,  -- 2026/27
    agency_code    TEXT NOT NULL REFERENCES agencies (code),
    commitment_id  TEXT NULL,      -- spend only: the commitment it pays for
    amount_pence   BIGINT NOT NULL,
    note           TEXT NULL,
    recorded_by    TEXT NOT NULL,
    recorded_at    @TIMESTAMP@ NOT NULL,
    UNIQUE (board_id, entry_id)
);
CREATE INDEX ix_pooled_fund_ledger_board ON pooled_fund_ledger (board_id, financial_year);
