-- Reports count referrals by crime type, but a referral's crime types are stored encrypted. Each one
-- is also kept here as its blind index (a keyed hash, like the client's duplicate key), so that the
-- database can filter and count by crime type without ever holding one in clear. Referrals written
-- before this migration have no marks until their needs are next saved.
CREATE TABLE referral_crime_mark (
    referral_id CHAR(36)    NOT NULL REFERENCES referral (id),
    mark        VARCHAR(64) NOT NULL,
    PRIMARY KEY (referral_id, mark)
);
CREATE INDEX referral_crime_mark_mark ON referral_crime_mark (mark, referral_id);

-- When the service accepted the referral, as the acknowledgement has received_at: the reports'
-- time to accept, read from the referral row instead of joining its timeline. Existing rows take
-- their acceptance's time from the timeline.
ALTER TABLE referral ADD COLUMN accepted_at TIMESTAMP;
UPDATE referral SET accepted_at = (SELECT MIN(e.occurred_at) FROM referral_event e
    WHERE e.referral_id = referral.id AND e.action = 'ACCEPT');

-- The reports choose referrals by the time they were sent and count them by service and state: this
-- index holds every column the timeliness and service figures read.
CREATE INDEX referral_report ON referral (submitted_at, service_id, status, urgency, received_at, acknowledge_by, accepted_at, referring_org_id, id);
-- The flow counts timeline entries by action and month.
CREATE INDEX referral_event_report ON referral_event (action, occurred_at, referral_id, to_status);
-- Needs are filtered by category.
CREATE INDEX referral_need_category ON referral_need (category_code, referral_id);
