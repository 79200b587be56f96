-- Publication control: when each indicator's values become public, and the periods administrators have released.

-- on_acceptance | days_after_period_end | on_release; publish_days counts for days_after_period_end only.
ALTER TABLE indicators ADD COLUMN publication TEXT NOT NULL DEFAULT 'on_acceptance';
ALTER TABLE indicators ADD COLUMN publish_days INTEGER NOT NULL DEFAULT 0;

-- A release publishes one period of an indicator in every place at once, as an official statistic is released.
-- Kept, never deleted: a published figure cannot be unpublished (the public may have copied it).
CREATE TABLE publication_releases (
    indicator_code TEXT NOT NULL REFERENCES indicators (code),
    period         TEXT NOT NULL,
    released_by    TEXT NOT NULL,
    released_at    @TIMESTAMP@ NOT NULL,
    PRIMARY KEY (indicator_code, period)
);
