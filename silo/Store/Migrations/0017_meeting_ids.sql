-- A stable id for each committee and board meeting, so that a subscribed calendar sees a moved meeting move rather
-- than a meeting cancelled and another added (RFC 5545: an event is known by its UID; a higher SEQUENCE is a newer
-- version of it). Moving a meeting changes meets_on and keeps id; replacing a list of dates keeps the ids of the dates
-- that stay.
--
-- Existing meetings take their date as their id: deterministic, and unique within the committee or board since the date
-- was its key. New meetings take a random id of 12 hex digits, which never has a date's hyphens, so no new id can equal
-- a moved meeting's first date.
-- moves: how many times the meeting has moved (its calendar SEQUENCE); updated_at: when it was added or last moved
-- (its LAST-MODIFIED), unknown for meetings stored before this script.
ALTER TABLE committee_meetings ADD COLUMN id TEXT NULL;
ALTER TABLE committee_meetings ADD COLUMN moves INTEGER NOT NULL DEFAULT 0;
ALTER TABLE committee_meetings ADD COLUMN updated_at @TIMESTAMP@ NULL;
UPDATE committee_meetings SET id = meets_on;
CREATE UNIQUE INDEX ux_committee_meetings_id ON committee_meetings (committee_id, id);

ALTER TABLE board_meetings ADD COLUMN id TEXT NULL;
ALTER TABLE board_meetings ADD COLUMN moves INTEGER NOT NULL DEFAULT 0;
ALTER TABLE board_meetings ADD COLUMN updated_at @TIMESTAMP@ NULL;
UPDATE board_meetings SET id = meets_on;
CREATE UNIQUE INDEX ux_board_meetings_id ON board_meetings (board_id, id);
