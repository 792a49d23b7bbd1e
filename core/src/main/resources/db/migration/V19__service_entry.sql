-- What a service's own staff keep of its entry, beyond V2: when it last changed (Open Referral UK
-- "last_modified"), and when it is open (ORUK "schedules", weekly). One script for Derby and PostgreSQL.

-- Services listed before this migration are taken as changed now: nothing older is known of them.
ALTER TABLE support_service ADD COLUMN last_modified TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL;

-- At most one opening a weekday (java.time.DayOfWeek's name), in UK local time; no rows means the
-- service states no opening times. Times are text, "09:00" on the 24-hour clock, as the forms, the API
-- and ORUK write them; both databases compare such text in time order.
CREATE TABLE support_service_schedule (
    service_id CHAR(36)   NOT NULL REFERENCES support_service (id),
    weekday    VARCHAR(9) NOT NULL,
    opens_at   CHAR(5)    NOT NULL,
    closes_at  CHAR(5)    NOT NULL,
    PRIMARY KEY (service_id, weekday),
    CONSTRAINT support_service_schedule_order CHECK (opens_at < closes_at)
);

-- A change to a service's entry is audited with the names of the fields it changed (never their
-- values): all twelve of them take about 120 characters. Both databases widen a VARCHAR in place.
ALTER TABLE audit_event ALTER COLUMN detail SET DATA TYPE VARCHAR(200);
