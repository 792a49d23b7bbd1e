-- Referral events for integrators: one row per event, written in the transaction of the change it
-- announces, numbered in order of insertion (seq: the event feed's cursor). Ids, the reference,
-- states and organisations only: never anything about the person.
CREATE TABLE event_log (
    seq                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                       CHAR(36)    NOT NULL UNIQUE,
    type                     VARCHAR(40) NOT NULL,
    referral_id              CHAR(36)    NOT NULL,
    reference                VARCHAR(20) NOT NULL,
    status                   VARCHAR(30) NOT NULL,
    previous_status          VARCHAR(30),
    service_id               CHAR(36)    NOT NULL,
    referrer_organisation_id CHAR(36)    NOT NULL,
    provider_organisation_id CHAR(36)    NOT NULL,
    changed_by_organisation  CHAR(36),
    occurred_at              TIMESTAMP   NOT NULL
);

CREATE INDEX event_log_referrer ON event_log (referrer_organisation_id, seq);
CREATE INDEX event_log_provider ON event_log (provider_organisation_id, seq);

-- An organisation's webhook: a URL told of the referral events the organisation is party to. The
-- signing secret is encrypted at rest (FieldCipher), since the server needs it to sign. Deliveries
-- are outbox rows of kind WEBHOOK (recipient = the subscription's id, subject = the event type,
-- body_text = the JSON body), retried and administered like e-mail.
CREATE TABLE webhook_subscription (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    organisation_id CHAR(36)      NOT NULL REFERENCES organisation (id),
    url             VARCHAR(2000) NOT NULL,
    secret          VARCHAR(200)  NOT NULL,
    event_types     VARCHAR(400)  NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    created_by      CHAR(36)      NOT NULL
);

CREATE INDEX webhook_subscription_organisation ON webhook_subscription (organisation_id);

-- The webhook dispatcher reads only WEBHOOK rows, the mail dispatcher only the others.
CREATE INDEX outbox_kind_due ON outbox (kind, status, next_attempt_at);
