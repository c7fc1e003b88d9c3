-- People and scripts that call the API. Roles: ADMIN (hosts, users), OPERATOR (catalog,
-- lifecycle), VIEWER (read). A user holds exactly one role; ADMIN implies the others.
CREATE TABLE user_account (
    id            UUID PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL UNIQUE,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'VIEWER')),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
