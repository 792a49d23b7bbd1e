-- The dashboard and the inbox sort an organisation's referrals by due time, then newest, then id.
-- These indexes hold every column that sort and its filters read, so the database walks an index
-- instead of the wide referral rows (encrypted text) for each page. They replace the service index.
CREATE INDEX referral_list_referrer ON referral (referring_org_id, acknowledge_by, created_at, id);
CREATE INDEX referral_list_service ON referral (service_id, status, acknowledge_by, created_at, id);
DROP INDEX referral_service;
