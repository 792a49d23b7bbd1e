-- The e-mail outbox: one row per message, written in the transaction of the change it announces and
-- sent afterwards by a dispatcher. A dispatcher claims a row by setting owner and lease_until with a
-- conditional UPDATE, which works alike on Derby (no SKIP LOCKED) and PostgreSQL. Subjects and
-- bodies are rendered when the row is written and hold no personal data by construction.

CREATE TABLE outbox (
    id              CHAR(36)       NOT NULL PRIMARY KEY,
    kind            VARCHAR(40)    NOT NULL,
    referral_id     CHAR(36),
    recipient       VARCHAR(320)   NOT NULL,
    subject         VARCHAR(200)   NOT NULL,
    body_text       VARCHAR(32000) NOT NULL,
    body_html       VARCHAR(32000) NOT NULL,
    status          VARCHAR(10)    NOT NULL,
    created_at      TIMESTAMP      NOT NULL,
    attempts        INTEGER        NOT NULL,
    next_attempt_at TIMESTAMP      NOT NULL,
    give_up_after   TIMESTAMP      NOT NULL,
    owner           VARCHAR(100),
    lease_until     TIMESTAMP,
    sent_at         TIMESTAMP,
    last_error      VARCHAR(500)
);

CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_listing ON outbox (status, created_at);

-- One row per overdue referral and London calendar day on which it was reminded: the primary key
-- makes the reminder once a day even when several instances check at the same moment.
CREATE TABLE overdue_notice (
    referral_id CHAR(36)  NOT NULL REFERENCES referral (id),
    notice_date CHAR(10)  NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (referral_id, notice_date)
);
