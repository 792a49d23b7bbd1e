-- The first response to each user's Idempotency-Key, replayed to repeats (the body encrypted).
-- The id is "<user id>:<key>".

CREATE TABLE idempotency_record (
    id            VARCHAR(140)   NOT NULL PRIMARY KEY,
    request_hash  CHAR(64)       NOT NULL,
    complete      BOOLEAN        NOT NULL,
    status_code   INTEGER,
    response_body VARCHAR(32000),
    location      VARCHAR(500),
    etag          VARCHAR(40),
    created_at    TIMESTAMP      NOT NULL
);
