-- Scrutiny committees: their meetings and work programme, the recommendations register (responses, implementation
-- updates, closure), questions to partners between meetings, and each user's inbox of notifications.
--
-- Days (a meeting, a recommendation made, a response due) are yyyy-MM-dd text, as board_meetings keeps them: a
-- recommendation is made on a day, not at an instant, and the text sorts and compares in date order on both engines.
-- Who and when a thing was written is a timestamp as everywhere else. Every write has its audit_log row in the same
-- transaction. A recommendation's state (awaiting a response, overdue, implemented, ...) is not stored: it is derived
-- from these facts and today's date (silo/Committees/RecommendationLifecycle.cs), because "overdue" changes with the
-- calendar, not with a write.

-- A committee's id is the scope of its members' role (person_roles: scrutiny_member, committee id).
-- response_months: how long an addressee has to respond, counted from the day a recommendation is made.
CREATE TABLE committees (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    place_code      TEXT NOT NULL REFERENCES places (code),
    response_months INTEGER NOT NULL DEFAULT 2,
    created_at      @TIMESTAMP@ NOT NULL
);

CREATE TABLE committee_meetings (
    committee_id TEXT NOT NULL REFERENCES committees (id),
    meets_on     TEXT NOT NULL,
    PRIMARY KEY (committee_id, meets_on)
);

-- The work programme: the topics the committee means to look at, when, and how far it has got.
CREATE TABLE work_programme_topics (
    id           TEXT PRIMARY KEY,
    committee_id TEXT NOT NULL REFERENCES committees (id),
    title        TEXT NOT NULL,
    description  TEXT NULL,
    meeting_on   TEXT NULL,   -- the meeting that takes the topic, if one is set
    status       TEXT NOT NULL, -- planned, in_progress, done, deferred
    created_at   @TIMESTAMP@ NOT NULL,
    updated_at   @TIMESTAMP@ NOT NULL
);
CREATE INDEX ix_work_programme_topics_committee ON work_programme_topics (committee_id);

-- What a topic looks at, or the evidence a recommendation rests on: kind indicator ({place}/{indicator}),
-- commitment ({board}/{commitment}), board ({board}) or panel ({panel id}), in the order given.
CREATE TABLE work_programme_links (
    topic_id  TEXT NOT NULL REFERENCES work_programme_topics (id),
    position  INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    reference TEXT NOT NULL,
    PRIMARY KEY (topic_id, position)
);

-- A recommendation is addressed to one agency (its code) or one board (its id). response_due is made_on plus the
-- committee's response_months unless the committee set another day.
CREATE TABLE recommendations (
    id             TEXT PRIMARY KEY,
    committee_id   TEXT NOT NULL REFERENCES committees (id),
    text           TEXT NOT NULL,
    addressee_kind TEXT NOT NULL, -- agency or board
    addressee_code TEXT NOT NULL,
    made_on        TEXT NOT NULL,
    response_due   TEXT NOT NULL,
    made_by        TEXT NOT NULL,
    made_at        @TIMESTAMP@ NOT NULL
);
CREATE INDEX ix_recommendations_committee ON recommendations (committee_id);
CREATE INDEX ix_recommendations_addressee ON recommendations (addressee_kind, addressee_code);

CREATE TABLE recommendation_evidence (
    recommendation_id TEXT NOT NULL REFERENCES recommendations (id),
    position          INTEGER NOT NULL,
    kind              TEXT NOT NULL,
    reference         TEXT NOT NULL,
    PRIMARY KEY (recommendation_id, position)
);

-- The addressee's one response. implement_by: when an accepted (or partly accepted) recommendation will be in place;
-- past it, and not yet implemented, the implementation is overdue.
CREATE TABLE recommendation_responses (
    recommendation_id TEXT PRIMARY KEY REFERENCES recommendations (id),
    decision          TEXT NOT NULL, -- accepted, partially_accepted, rejected
    reasons           TEXT NOT NULL,
    implement_by      TEXT NULL,
    responded_by      TEXT NOT NULL,
    responded_at      @TIMESTAMP@ NOT NULL
);

-- The addressee's implementation updates, oldest first; the newest says where implementation stands.
CREATE TABLE recommendation_updates (
    id                @ID@,
    recommendation_id TEXT NOT NULL REFERENCES recommendations (id),
    status            TEXT NOT NULL, -- not_started, in_progress, implemented, not_implemented
    text              TEXT NOT NULL,
    evidence          TEXT NULL,
    updated_by        TEXT NOT NULL,
    updated_at        @TIMESTAMP@ NOT NULL
);
CREATE INDEX ix_recommendation_updates_recommendation ON recommendation_updates (recommendation_id);

-- The committee closes a recommendation once, with a note: nothing more is asked of the addressee after.
CREATE TABLE recommendation_closures (
    recommendation_id TEXT PRIMARY KEY REFERENCES recommendations (id),
    note              TEXT NOT NULL,
    closed_by         TEXT NOT NULL,
    closed_at         @TIMESTAMP@ NOT NULL
);

-- A question to a partner between meetings, with the day an answer is due, and the answer.
CREATE TABLE committee_questions (
    id             TEXT PRIMARY KEY,
    committee_id   TEXT NOT NULL REFERENCES committees (id),
    addressee_kind TEXT NOT NULL,
    addressee_code TEXT NOT NULL,
    text           TEXT NOT NULL,
    asked_on       TEXT NOT NULL,
    due_on         TEXT NOT NULL,
    asked_by       TEXT NOT NULL,
    asked_at       @TIMESTAMP@ NOT NULL,
    answer         TEXT NULL,
    answered_by    TEXT NULL,
    answered_at    @TIMESTAMP@ NULL
);
CREATE INDEX ix_committee_questions_committee ON committee_questions (committee_id);

-- What the notification seam has told someone: an agency's people and keys, a board's, a committee's, or one person
-- (recipient_kind agency, board, committee or person; recipient the code, id or person id). Email is for later.
CREATE TABLE inbox_notifications (
    id             @ID@,
    recipient_kind TEXT NOT NULL,
    recipient      TEXT NOT NULL,
    subject        TEXT NOT NULL,
    link           TEXT NOT NULL,
    created_at     @TIMESTAMP@ NOT NULL,
    read_at        @TIMESTAMP@ NULL
);
CREATE INDEX ix_inbox_notifications_recipient ON inbox_notifications (recipient_kind, recipient, created_at);
