-- Personal API tokens (only a SHA-256 hash of the secret is kept) and failed sign-in counters,
-- which live in the database so that every instance throttles alike.

CREATE TABLE api_token (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    user_id    CHAR(36)     NOT NULL REFERENCES user_account (id),
    name       VARCHAR(100) NOT NULL,
    token_hash CHAR(64)     NOT NULL UNIQUE,
    created_at TIMESTAMP    NOT NULL,
    expires_at TIMESTAMP    NOT NULL,
    revoked_at TIMESTAMP
);

CREATE INDEX api_token_user ON api_token (user_id);

ALTER TABLE user_account ADD COLUMN failed_sign_ins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE user_account ADD COLUMN locked_until TIMESTAMP;
