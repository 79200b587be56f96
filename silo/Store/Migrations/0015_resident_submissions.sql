-- Residents' questions and topic suggestions to a scrutiny committee (docs/security.md, "Residents' questions").
--
-- A resident has no account: the submission is stored with what they chose to give (a name, an email address) and
-- nothing that follows them (no address, no cookie): its audit rows name the actor "resident". The email address is
-- for the committee's members alone, in their queue; no public page, CSV, feed or API answer reads this column.
-- A submission is received, then decided once by a member: published (a question becomes a committee question, with
-- an addressee and a due day; a topic suggestion is listed as suggested by residents, linked to a work-programme
-- topic if the member chooses), declined with a reason that is published, or merged into another submission or a
-- published question (the duplicate's reference then leads there).
CREATE TABLE resident_submissions (
    id                   TEXT PRIMARY KEY,   -- the reference the resident is given
    committee_id         TEXT NOT NULL REFERENCES committees (id),
    kind                 TEXT NOT NULL,      -- question, topic
    place_code           TEXT NULL,          -- the place page it was sent from, if any
    text                 TEXT NOT NULL,
    name                 TEXT NULL,          -- shown with the published question or suggestion when given
    email                TEXT NULL,          -- never published
    received_at          @TIMESTAMP@ NOT NULL,
    state                TEXT NOT NULL,      -- received, published, declined, merged
    reason               TEXT NULL,          -- a decline's reason, published
    merged_into          TEXT NULL,          -- a submission of the same committee ...
    merged_into_question TEXT NULL,          -- ... or one of its questions
    question_id          TEXT NULL REFERENCES committee_questions (id), -- the question a published question became
    topic_id             TEXT NULL REFERENCES work_programme_topics (id), -- the topic a published suggestion is linked to
    decided_by           TEXT NULL,
    decided_at           @TIMESTAMP@ NULL
);
CREATE INDEX ix_resident_submissions_committee ON resident_submissions (committee_id, state);

-- A committee question published from a resident's submission: its reference, and the name the resident gave, shown
-- with the question. Null for the members' own questions.
ALTER TABLE committee_questions ADD COLUMN resident_submission TEXT NULL;
ALTER TABLE committee_questions ADD COLUMN resident_name TEXT NULL;
