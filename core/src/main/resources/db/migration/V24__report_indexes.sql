-- The reports' service filter offers a reader only the services their organisation provides or has
-- referred to: for each service, whether the organisation has a referral to it is one look-up here
-- instead of a walk through every referral of that service.
CREATE INDEX referral_service_referrer ON referral (service_id, referring_org_id);

-- The flow counts timeline entries by action, month and reason code (V22): with the code in the index
-- too, it reads the index alone instead of every entry's row.
DROP INDEX referral_event_report;
CREATE INDEX referral_event_report ON referral_event (action, occurred_at, referral_id, to_status, reason_code);

-- A narrowed flow joins each entry to its referral for the narrowing: by this index it finds what it
-- tests (state, service, referrer, urgency, when sent) without reading the wide referral row.
CREATE INDEX referral_narrowing ON referral (id, status, service_id, referring_org_id, urgency, submitted_at);
