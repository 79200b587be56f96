-- People who sign in to the dashboard with a password, and the roles each holds.

-- Emails are stored lower-cased, so that UNIQUE means one account per address however it is typed.
-- failed_attempts and locked_until are the lockout: counted per account, reset by a good password.
CREATE TABLE people (
    id              @ID@,
    email           TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    @TIMESTAMP@ NULL,
    created_at      @TIMESTAMP@ NOT NULL,
    disabled_at     @TIMESTAMP@ NULL
);

-- role: administrator, agency_submitter, board_member or scrutiny_member. scope: the agency code, board id or
-- committee for the last three; '' for an administrator (a key column cannot be NULL in PostgreSQL).
CREATE TABLE person_roles (
    person_id BIGINT NOT NULL REFERENCES people (id),
    role      TEXT NOT NULL,
    scope     TEXT NOT NULL,
    PRIMARY KEY (person_id, role, scope)
);
