-- Whom a support service sees, in which languages and how it meets them, and whether its location
-- is confidential (Open Referral HSDS "eligibility", "language", "service_at_location").
-- One script for Derby and PostgreSQL: only types and syntax both understand.

-- Ages seen, both ends inclusive; NULL is an open end.
ALTER TABLE support_service ADD COLUMN min_age INTEGER;
ALTER TABLE support_service ADD COLUMN max_age INTEGER;
ALTER TABLE support_service ADD CONSTRAINT support_service_ages
    CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age);
ALTER TABLE support_service ADD COLUMN interpreters_available BOOLEAN DEFAULT FALSE NOT NULL;
-- A refuge: its address is never public, so public_address stays NULL.
ALTER TABLE support_service ADD COLUMN confidential_location BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE support_service ADD COLUMN public_address VARCHAR(300);
-- For referrers only, like the referral inbox.
ALTER TABLE support_service ADD COLUMN capacity_note VARCHAR(500);

-- Genders, crime types and risk levels a service is limited to: no rows means any.
CREATE TABLE support_service_gender (
    service_id CHAR(36)    NOT NULL REFERENCES support_service (id),
    gender     VARCHAR(20) NOT NULL,
    PRIMARY KEY (service_id, gender)
);

CREATE TABLE support_service_crime_type (
    service_id CHAR(36)    NOT NULL REFERENCES support_service (id),
    crime_type VARCHAR(40) NOT NULL,
    PRIMARY KEY (service_id, crime_type)
);

CREATE TABLE support_service_risk_level (
    service_id CHAR(36)    NOT NULL REFERENCES support_service (id),
    risk_level VARCHAR(10) NOT NULL,
    PRIMARY KEY (service_id, risk_level)
);

-- ISO 639-1 codes; every service works in at least one language.
CREATE TABLE support_service_language (
    service_id    CHAR(36)   NOT NULL REFERENCES support_service (id),
    language_code VARCHAR(2) NOT NULL,
    PRIMARY KEY (service_id, language_code)
);

-- Every service meets people in at least one way.
CREATE TABLE support_service_delivery_mode (
    service_id    CHAR(36)    NOT NULL REFERENCES support_service (id),
    delivery_mode VARCHAR(20) NOT NULL,
    PRIMARY KEY (service_id, delivery_mode)
);

-- Services listed before this migration keep the defaults a new service gets.
INSERT INTO support_service_language (service_id, language_code)
    SELECT id, 'en' FROM support_service;
INSERT INTO support_service_delivery_mode (service_id, delivery_mode)
    SELECT id, 'IN_PERSON' FROM support_service;
