-- Counts the changes of an account's password and role. A bearer token carries the account id
-- and the version it was issued at; each request compares them with this row, so deleting the
-- account, changing its password or changing its role refuses every token issued before, at once.
-- A counter rather than a "changed at" time: a JWT's issued-at has whole seconds only, so a token
-- issued in the same second as a change could not be told apart from one issued just before it.
ALTER TABLE user_account ADD COLUMN credentials_version INTEGER NOT NULL DEFAULT 0;
