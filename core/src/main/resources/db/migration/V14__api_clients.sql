-- API clients (OAuth 2.0 client credentials) and their short-lived access tokens. Secrets and
-- tokens are kept only as SHA-256 hashes. A revoked client stays, so that what it did stays attributed.

CREATE TABLE api_client (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    organisation_id CHAR(36)     NOT NULL REFERENCES organisation (id),
    name            VARCHAR(100) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    scopes          VARCHAR(400) NOT NULL,
    secret_hash     CHAR(64)     NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    created_by      CHAR(36)     NOT NULL,
    revoked_at      TIMESTAMP
);

CREATE TABLE api_access_token (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    client_id  CHAR(36)     NOT NULL REFERENCES api_client (id),
    token_hash CHAR(64)     NOT NULL UNIQUE,
    scopes     VARCHAR(400) NOT NULL,
    issued_at  TIMESTAMP    NOT NULL,
    expires_at TIMESTAMP    NOT NULL
);

CREATE INDEX api_access_token_client ON api_access_token (client_id, expires_at);
