-- Scrutiny panels: a named selection of (place, indicator) pairs that a committee follows, shared by its URL.

CREATE TABLE panels (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT NULL,
    created_by  TEXT NOT NULL,
    created_at  @TIMESTAMP@ NOT NULL,
    updated_at  @TIMESTAMP@ NOT NULL
);

-- In the order the panel shows them; an edit replaces a panel's items whole.
CREATE TABLE panel_items (
    panel_id       TEXT NOT NULL REFERENCES panels (id),
    position       INTEGER NOT NULL,
    place_code     TEXT NOT NULL REFERENCES places (code),
    indicator_code TEXT NOT NULL REFERENCES indicators (code),
    PRIMARY KEY (panel_id, position)
);
