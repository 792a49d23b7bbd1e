-- Retention by policy, legal holds and erasure (issue #18; docs/adr/0014-retention-anonymises-in-place.md).
-- Written once for both databases: nothing here is spelt differently on Derby and PostgreSQL.

-- One row per scheduled job that only one instance at a time may run, claimed like an outbox row:
-- UPDATE job_lease SET owner = ?, lease_until = ? WHERE job = ? AND (owner IS NULL OR lease_until < ? OR owner = ?).
CREATE TABLE job_lease (
    job         VARCHAR(40)  NOT NULL PRIMARY KEY,
    owner       VARCHAR(100),
    lease_until TIMESTAMP
);

INSERT INTO job_lease (job) VALUES ('retention');

-- When the person's record was anonymised (by retention or erasure): their personal fields hold a
-- placeholder since, and the retention run passes over them. Erasure's reason, encrypted.
ALTER TABLE client ADD COLUMN anonymised_at TIMESTAMP;
ALTER TABLE client ADD COLUMN erasure_reason VARCHAR(4100);

-- The retention run looks at people not yet anonymised, in id order.
CREATE INDEX client_retention ON client (anonymised_at, id);

-- A legal hold on a person or on one of their referrals: while it stands (lifted_at null) the person
-- is never anonymised. client_id is the person either way, so one look finds every hold on them.
-- The reasons are encrypted, as an administrator's words may name someone.
CREATE TABLE legal_hold (
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    client_id   CHAR(36)     NOT NULL REFERENCES client (id),
    referral_id CHAR(36)     REFERENCES referral (id),
    reason      VARCHAR(4100) NOT NULL,
    set_at      TIMESTAMP    NOT NULL,
    set_by      VARCHAR(36)  NOT NULL,
    lifted_at   TIMESTAMP,
    lifted_by   VARCHAR(36),
    lift_reason VARCHAR(4100)
);

CREATE INDEX legal_hold_client ON legal_hold (client_id, lifted_at);
