-- One number that every write to the catalogue tables (places, indicators, agencies, boards, their members and
-- meetings, comparator groups) moves in its own transaction (NodeCatalogue.WriteAsync): each node keeps a copy of the
-- catalogue for its pages and reads it again when the number has moved.
CREATE TABLE catalogue_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalogue_version (id, version) VALUES (1, 0);
