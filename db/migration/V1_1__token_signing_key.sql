-- The HMAC key that signs bearer tokens. One row, shared by every orchestrator replica on this
-- database, so a token issued by one replica is accepted by all and survives restarts.
CREATE TABLE token_signing_key (
    id         SMALLINT PRIMARY KEY CHECK (id = 1),
    secret     BYTEA       NOT NULL CHECK (octet_length(secret) >= 32),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
