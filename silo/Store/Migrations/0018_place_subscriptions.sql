-- Residents' subscriptions to a place's new figures by email (docs/email.md, "Residents' emails").
--
-- A resident has no account: a subscription is an address and a place, nothing else. It is pending until the address
-- confirms it through a link sent to it (double opt-in), and confirmed_at says when it did. Ending it deletes the row
-- and its tokens: nothing of the address is kept once it wants no more. A pending one no one confirmed is deleted
-- after the link's 7 days.
CREATE TABLE place_subscriptions (
    id           @ID@,
    place_code   TEXT NOT NULL,
    email        TEXT NOT NULL,                  -- as the resident typed it, trimmed; matched without regard to case
    email_key    TEXT NOT NULL,                  -- the address in lower case: one subscription an address a place
    created_at   @TIMESTAMP@ NOT NULL,
    confirmed_at @TIMESTAMP@ NULL,
    UNIQUE (place_code, email_key)
);

-- The links in residents' emails: to confirm a subscription (expires), and to end it (one in each update email, so
-- that the link in any email received still works). Only a SHA-256 of the token is kept, as with API keys: the store
-- alone cannot make a working link.
CREATE TABLE subscription_tokens (
    token_hash      TEXT PRIMARY KEY,
    subscription_id BIGINT NOT NULL REFERENCES place_subscriptions (id) ON DELETE CASCADE,
    purpose         TEXT NOT NULL,               -- confirm, unsubscribe
    created_at      @TIMESTAMP@ NOT NULL,
    expires_at      @TIMESTAMP@ NULL
);
CREATE INDEX ix_subscription_tokens_subscription ON subscription_tokens (subscription_id);

-- How far each place's update emails have been written: the next run writes the news that became public after it.
-- Moved on in the transaction that writes the emails, with a compare-and-set, so two nodes never both write a window.
CREATE TABLE place_update_marks (
    place_code TEXT PRIMARY KEY,
    through    @TIMESTAMP@ NOT NULL
);

-- A resident's email has no person; it names its subscription, so that a message waiting when the resident
-- unsubscribes is dropped, not sent.
ALTER TABLE outbox_messages ADD COLUMN subscription_id BIGINT NULL;
