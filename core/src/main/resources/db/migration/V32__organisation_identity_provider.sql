-- Organisations' own identity providers (docs/adr/0022-organisations-sign-in-with-openid-connect.md).
-- One OpenID Connect provider at most per organisation. The client secret is never stored: the row
-- names the environment variable or configuration property that holds it.
CREATE TABLE organisation_identity_provider (
    organisation_id CHAR(36)     NOT NULL PRIMARY KEY REFERENCES organisation (id),
    issuer          VARCHAR(500) NOT NULL,
    client_id       VARCHAR(200) NOT NULL,
    secret_name     VARCHAR(100) NOT NULL,
    email_claim     VARCHAR(100) NOT NULL,
    version         BIGINT       NOT NULL
);

-- A sign-in through an organisation's provider, between leaving for the provider and coming back:
-- keyed by the SHA-256 of the state sent to the provider, bound to the browser that left by the
-- SHA-256 of a cookie's secret, used once (deleted when the browser comes back) and swept when old.
CREATE TABLE organisation_sign_in (
    state_hash      CHAR(64)     NOT NULL PRIMARY KEY,
    browser_hash    CHAR(64)     NOT NULL,
    organisation_id CHAR(36)     NOT NULL REFERENCES organisation (id),
    nonce           VARCHAR(64)  NOT NULL,
    code_verifier   VARCHAR(128) NOT NULL,
    return_to       VARCHAR(500),
    started_at      TIMESTAMP    NOT NULL
);

CREATE INDEX organisation_sign_in_started ON organisation_sign_in (started_at);
