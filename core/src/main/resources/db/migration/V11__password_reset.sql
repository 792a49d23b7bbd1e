-- Forgotten passwords. A reset link's token is kept only as its SHA-256 hash, with the account it
-- resets, when it stops working (30 minutes) and when it was used: a link works once.
CREATE TABLE password_reset_token (
    id         CHAR(36)  NOT NULL PRIMARY KEY,
    user_id    CHAR(36)  NOT NULL REFERENCES user_account (id),
    token_hash CHAR(64)  NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);

CREATE INDEX password_reset_token_user ON password_reset_token (user_id);

-- Requests counted per fixed window, in the database so that every instance counts alike. The key is
-- a SHA-256 hash of what is counted (an e-mail address, a client address), never the thing itself.
CREATE TABLE throttle_counter (
    counter_key  CHAR(64)  NOT NULL PRIMARY KEY,
    window_start TIMESTAMP NOT NULL,
    hits         INTEGER   NOT NULL
);

-- Browser sessions signed in before this instant are signed out: set when the password changes.
ALTER TABLE user_account ADD COLUMN sessions_valid_from TIMESTAMP;
