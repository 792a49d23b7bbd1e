-- What a service's own staff keep of its entry, beyond V2: when it last changed (Open Referral UK
-- "last_modified"), and when it is open (ORUK "schedules", weekly). One script for Derby and PostgreSQL.

-- Services listed before this migration are taken as changed now: nothing older is known of them.
ALTER TABLE support_service ADD COLUMN last_modified TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL;

-- At most one opening a weekday (java.time.DayOfWeek's name), in UK local time; no rows means the
-- service states no opening times.
CREATE TABLE support_service_schedule (
    service_id CHAR(36)   NOT NULL REFERENCES support_service (id),
    weekday    VARCHAR(9) NOT NULL,
    opens_at   TIME       NOT NULL,
    closes_at  TIME       NOT NULL,
    PRIMARY KEY (service_id, weekday),
    CONSTRAINT support_service_schedule_order CHECK (opens_at < closes_at)
);
