-- The reports' times to acknowledge and to accept, in working seconds, kept on the referral when it is
-- acknowledged or accepted, so that medians and 90th percentiles are counted in the database instead
-- of every referral's timestamps being read. Referrals made before this have theirs derived, with
-- their crime marks (V18), by the application after it starts: it needs the bank holidays and the
-- decrypted crime types, which SQL has not got.
ALTER TABLE referral ADD COLUMN ack_working_seconds INTEGER;
ALTER TABLE referral ADD COLUMN accept_working_seconds INTEGER;
ALTER TABLE referral ADD COLUMN facts_derived BOOLEAN DEFAULT FALSE NOT NULL;

-- The reports' index (V18) with the working times, so the time figures read the index alone.
DROP INDEX referral_report;
CREATE INDEX referral_report ON referral (submitted_at, service_id, status, urgency, received_at, acknowledge_by,
    accepted_at, ack_working_seconds, accept_working_seconds, referring_org_id, id);
