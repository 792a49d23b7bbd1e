-- Importing a directory (Open Referral UK). A service imported from another directory has no referral
-- inbox until an administrator gives it one: an ORUK e-mail is a public contact, not a secure inbox.
-- Until then it is closed to referrals (the service refuses to open without an inbox).
ALTER TABLE support_service ALTER COLUMN referral_inbox ${dropNotNull};

-- The administrator's mapping of another directory's taxonomy terms to Waypoint's published terms
-- (PublishedTaxonomy ids). Waypoint's own term ids map to themselves without a row.
CREATE TABLE import_term_mapping (
    source_term_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    waypoint_term_id CHAR(36)     NOT NULL
);
