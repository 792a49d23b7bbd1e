-- Browser sessions are kept here, not in one server's memory, so that any instance serves any
-- signed-in request and a session outlives the instance that began it
-- (docs/adr/0018-browser-sessions-in-the-database.md). The cookie holds a random secret; only its
-- SHA-256 is kept. A row is deleted when its session is signed out or ended, and swept once it has
-- timed out.
CREATE TABLE browser_session (
    id           CHAR(36)  NOT NULL PRIMARY KEY,
    user_id      CHAR(36)  NOT NULL REFERENCES user_account (id),
    token_hash   CHAR(64)  NOT NULL,
    signed_in_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    CONSTRAINT browser_session_token UNIQUE (token_hash)
);

CREATE INDEX browser_session_user ON browser_session (user_id);
CREATE INDEX browser_session_last_seen ON browser_session (last_seen_at);
