-- When a referral last changed (the time of its latest timeline entry), so that an integrator can
-- read "what changed since" instead of every referral. Existing rows take their latest entry's time.
-- The column stays nullable: NOT NULL is spelt differently on Derby and PostgreSQL, and the
-- application writes it with every change (Referral.record).
ALTER TABLE referral ADD COLUMN updated_at TIMESTAMP;
UPDATE referral SET updated_at = COALESCE(
    (SELECT MAX(e.occurred_at) FROM referral_event e WHERE e.referral_id = referral.id), created_at);
-- The API's "changed since, oldest change first" within one organisation, either side, read from
-- the index alone like the dashboard's order (V8).
CREATE INDEX referral_updated_referrer ON referral (referring_org_id, updated_at, id);
CREATE INDEX referral_updated_service ON referral (service_id, updated_at, id);
