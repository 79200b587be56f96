-- The cost-benefit case's reference figures, kept by administrators (docs/benefits.md).
--
-- A unit cost is the cost of one outcome to the sector that bears it, in whole pence at one financial year's prices.
-- Shares and indices (discount rate, optimism bias, deflator) are kept in one settings document as exact decimals,
-- never as floating-point numbers, so that a case computed by hand is the case the product shows.
CREATE TABLE unit_costs (
    code         TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    borne_by     TEXT NOT NULL,     -- a sector, as agencies' sectors are named (health, police, local_government)
    value_pence  BIGINT NOT NULL,
    price_year   TEXT NOT NULL,     -- 2024/25
    grade        INTEGER NOT NULL,  -- confidence, 1 (best) to 5
    kind         TEXT NOT NULL,     -- fiscal_cashable, fiscal_non_cashable, economic, social
    source       TEXT NOT NULL,
    licence      TEXT NULL,
    illustrative INTEGER NOT NULL,  -- 1 for a made-up figure, which every page showing it says
    updated_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL      -- ISO 8601 instant
);

-- The appraisal settings: discount rate, price year, optimism bias by grade, deflator index by financial year.
CREATE TABLE appraisal_settings (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    document   TEXT NOT NULL,       -- JSON, decimals written exactly
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
