-- Clients, referrals with their timeline and messages, the audit trail, the per-year reference
-- counter and the bank holidays. Encrypted columns hold "<key id>:<base64>" text, about four
-- characters for every character of plain text plus 64, and are sized so.

CREATE TABLE client (
    id                    CHAR(36)      NOT NULL PRIMARY KEY,
    organisation_id       CHAR(36)      NOT NULL REFERENCES organisation (id),
    duplicate_key         VARCHAR(64)   NOT NULL,
    given_name            VARCHAR(500)  NOT NULL,
    family_name           VARCHAR(500)  NOT NULL,
    date_of_birth         VARCHAR(120)  NOT NULL,
    gender                VARCHAR(120)  NOT NULL,
    preferred_language    VARCHAR(120)  NOT NULL,
    interpreter_needed    BOOLEAN       NOT NULL,
    access_needs          VARCHAR(8100),
    postcode              VARCHAR(120),
    phone                 VARCHAR(200),
    email                 VARCHAR(1400),
    address               VARCHAR(2100),
    safe_number           VARCHAR(200),
    safe_times            VARCHAR(2100),
    voicemail_allowed     BOOLEAN       NOT NULL,
    service_may_identify  BOOLEAN       NOT NULL,
    cover_story           VARCHAR(4100),
    guardian_name         VARCHAR(900),
    guardian_relationship VARCHAR(500),
    guardian_phone        VARCHAR(200),
    created_at            TIMESTAMP     NOT NULL,
    created_by            CHAR(36)      NOT NULL,
    version               BIGINT        NOT NULL
);

CREATE INDEX client_duplicate ON client (organisation_id, duplicate_key);

CREATE TABLE referral (
    id                    CHAR(36)       NOT NULL PRIMARY KEY,
    reference             VARCHAR(20)    UNIQUE,
    client_id             CHAR(36)       NOT NULL REFERENCES client (id),
    referrer_user_id      CHAR(36)       NOT NULL,
    referring_org_id      CHAR(36)       NOT NULL REFERENCES organisation (id),
    service_id            CHAR(36)       NOT NULL REFERENCES support_service (id),
    status                VARCHAR(20)    NOT NULL,
    business_status       VARCHAR(30),
    crime_types           VARCHAR(1400),
    risk_level            VARCHAR(10)    NOT NULL,
    urgency               VARCHAR(10)    NOT NULL,
    reported_to_police    BOOLEAN        NOT NULL,
    crime_reference       VARCHAR(240),
    safeguarding_concerns VARCHAR(16100),
    consent_basis         VARCHAR(30),
    consent_share_contact BOOLEAN,
    consent_share_case    BOOLEAN,
    consent_method        VARCHAR(20),
    consent_given_at      TIMESTAMP,
    consent_recorded_by   CHAR(36),
    consent_justification VARCHAR(8100),
    consent_approved_by   VARCHAR(8100),
    consent_withdrawn_at  TIMESTAMP,
    created_at            TIMESTAMP      NOT NULL,
    submitted_at          TIMESTAMP,
    acknowledge_by        TIMESTAMP,
    received_at           TIMESTAMP,
    redirected_from       CHAR(36),
    version               BIGINT         NOT NULL
);

CREATE INDEX referral_referring_org ON referral (referring_org_id, created_at);
CREATE INDEX referral_service ON referral (service_id, status);
CREATE INDEX referral_due ON referral (status, acknowledge_by);
CREATE INDEX referral_client ON referral (client_id);

CREATE TABLE referral_need (
    referral_id   CHAR(36)    NOT NULL REFERENCES referral (id),
    category_code VARCHAR(40) NOT NULL REFERENCES service_category (code),
    PRIMARY KEY (referral_id, category_code)
);

CREATE TABLE referral_event (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    referral_id   CHAR(36)     NOT NULL REFERENCES referral (id),
    occurred_at   TIMESTAMP    NOT NULL,
    sequence      INTEGER      NOT NULL,
    actor_user_id CHAR(36)     NOT NULL,
    actor_org_id  CHAR(36)     NOT NULL,
    action        VARCHAR(30)  NOT NULL,
    from_status   VARCHAR(20),
    to_status     VARCHAR(20)  NOT NULL,
    reason        VARCHAR(8100)
);

CREATE INDEX referral_event_referral ON referral_event (referral_id);

CREATE TABLE referral_message (
    id             CHAR(36)       NOT NULL PRIMARY KEY,
    referral_id    CHAR(36)       NOT NULL REFERENCES referral (id),
    occurred_at    TIMESTAMP      NOT NULL,
    sequence       INTEGER        NOT NULL,
    author_user_id CHAR(36)       NOT NULL,
    author_org_id  CHAR(36)       NOT NULL,
    side           VARCHAR(10)    NOT NULL,
    body           VARCHAR(16100) NOT NULL
);

CREATE INDEX referral_message_referral ON referral_message (referral_id);

-- Append-only: the application inserts and reads, never updates or deletes.
CREATE TABLE audit_event (
    id            CHAR(36)    NOT NULL PRIMARY KEY,
    occurred_at   TIMESTAMP   NOT NULL,
    actor_user_id VARCHAR(36) NOT NULL,
    actor_org_id  VARCHAR(36) NOT NULL,
    record_type   VARCHAR(30) NOT NULL,
    record_id     VARCHAR(36) NOT NULL,
    action        VARCHAR(20) NOT NULL,
    detail        VARCHAR(60),
    outcome       VARCHAR(10) NOT NULL
);

CREATE INDEX audit_event_record ON audit_event (record_type, record_id);
CREATE INDEX audit_event_actor ON audit_event (actor_user_id, occurred_at);

CREATE TABLE reference_counter (
    counter_year INTEGER NOT NULL PRIMARY KEY,
    last_value   INTEGER NOT NULL
);

INSERT INTO reference_counter (counter_year, last_value) VALUES
    (2025, 0), (2026, 0), (2027, 0), (2028, 0), (2029, 0), (2030, 0), (2031, 0), (2032, 0),
    (2033, 0), (2034, 0), (2035, 0);

-- England and Wales bank holidays, substitute days included.
CREATE TABLE bank_holiday (
    holiday_date DATE         NOT NULL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL
);

INSERT INTO bank_holiday (holiday_date, name) VALUES
    ('2025-01-01', 'New Year''s Day'),
    ('2025-04-18', 'Good Friday'),
    ('2025-04-21', 'Easter Monday'),
    ('2025-05-05', 'Early May bank holiday'),
    ('2025-05-26', 'Spring bank holiday'),
    ('2025-08-25', 'Summer bank holiday'),
    ('2025-12-25', 'Christmas Day'),
    ('2025-12-26', 'Boxing Day'),
    ('2026-01-01', 'New Year''s Day'),
    ('2026-04-03', 'Good Friday'),
    ('2026-04-06', 'Easter Monday'),
    ('2026-05-04', 'Early May bank holiday'),
    ('2026-05-25', 'Spring bank holiday'),
    ('2026-08-31', 'Summer bank holiday'),
    ('2026-12-25', 'Christmas Day'),
    ('2026-12-28', 'Boxing Day (substitute day)'),
    ('2027-01-01', 'New Year''s Day'),
    ('2027-03-26', 'Good Friday'),
    ('2027-03-29', 'Easter Monday'),
    ('2027-05-03', 'Early May bank holiday'),
    ('2027-05-31', 'Spring bank holiday'),
    ('2027-08-30', 'Summer bank holiday'),
    ('2027-12-27', 'Christmas Day (substitute day)'),
    ('2027-12-28', 'Boxing Day (substitute day)'),
    ('2028-01-03', 'New Year''s Day (substitute day)'),
    ('2028-04-14', 'Good Friday'),
    ('2028-04-17', 'Easter Monday'),
    ('2028-05-01', 'Early May bank holiday'),
    ('2028-05-29', 'Spring bank holiday'),
    ('2028-08-28', 'Summer bank holiday'),
    ('2028-12-25', 'Christmas Day'),
    ('2028-12-26', 'Boxing Day');
