-- Passwords people choose, temporary passwords an administrator sets, and ending a person's other sessions.

-- Changes whenever the password does (chosen or reset): a session whose cookie carries another stamp is ended when
-- it is next checked against the store. '' for the people who existed before, so their open sessions carry on.
ALTER TABLE people ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
-- Set while the password is a temporary one an administrator set: refused after this time, and until the person
-- chooses their own they are sent to the change page whatever they open. NULL: a password the person chose (or the
-- first one, given when the account was made).
ALTER TABLE people ADD COLUMN temporary_password_expires_at @TIMESTAMP@ NULL;
-- When the person last chose their password; NULL: never.
ALTER TABLE people ADD COLUMN password_changed_at @TIMESTAMP@ NULL;
