-- One script for Derby and PostgreSQL: only types and syntax both understand.

CREATE TABLE organisation (
    id      CHAR(36)     NOT NULL PRIMARY KEY,
    name    VARCHAR(200) NOT NULL,
    kind    VARCHAR(30)  NOT NULL,
    version BIGINT       NOT NULL
);

-- The controlled taxonomy of support categories: extended by adding rows, not code.
CREATE TABLE service_category (
    code  VARCHAR(40)  NOT NULL PRIMARY KEY,
    label VARCHAR(100) NOT NULL
);

INSERT INTO service_category (code, label) VALUES
    ('COUNSELLING', 'Counselling'),
    ('LEGAL_AID', 'Legal aid'),
    ('ISVA', 'Independent sexual violence adviser (ISVA)'),
    ('CHISVA', 'Children''s independent sexual violence adviser (ChISVA)'),
    ('IDVA', 'Independent domestic violence adviser (IDVA)'),
    ('THERAPY', 'Therapy'),
    ('ADVOCACY', 'Advocacy'),
    ('HOUSING', 'Housing'),
    ('HEALTH', 'Health'),
    ('FINANCIAL', 'Financial support'),
    ('IMMIGRATION_ADVICE', 'Immigration advice');

CREATE TABLE support_service (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    organisation_id CHAR(36)      NOT NULL REFERENCES organisation (id),
    name            VARCHAR(200)  NOT NULL,
    description     VARCHAR(2000) NOT NULL,
    capacity        VARCHAR(20)   NOT NULL,
    wait_weeks      INTEGER,
    referral_inbox  VARCHAR(320)  NOT NULL,
    ack_target_days INTEGER       NOT NULL,
    version         BIGINT        NOT NULL
);

CREATE TABLE support_service_category (
    service_id    CHAR(36)    NOT NULL REFERENCES support_service (id),
    category_code VARCHAR(40) NOT NULL REFERENCES service_category (code),
    PRIMARY KEY (service_id, category_code)
);

-- Postcode areas ("M") and districts ("M14") the service covers.
CREATE TABLE support_service_area (
    service_id      CHAR(36)   NOT NULL REFERENCES support_service (id),
    postcode_prefix VARCHAR(8) NOT NULL,
    PRIMARY KEY (service_id, postcode_prefix)
);

CREATE TABLE user_account (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    email           VARCHAR(320) NOT NULL UNIQUE,
    display_name    VARCHAR(200) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    organisation_id CHAR(36)     NOT NULL REFERENCES organisation (id),
    password_hash   VARCHAR(400) NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    version         BIGINT       NOT NULL
);
