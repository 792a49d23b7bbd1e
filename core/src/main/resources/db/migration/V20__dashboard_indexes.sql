-- The list's counts (waiting, overdue, accepted this week) and its urgency filter read status,
-- urgency and accepted_at over all of an organisation's referrals. The list indexes of V8 carry
-- them too, so the counts are read from the index alone, never from the wide referral rows.
DROP INDEX referral_list_referrer;
CREATE INDEX referral_list_referrer ON referral (referring_org_id, acknowledge_by, created_at, id, status, urgency, accepted_at);
DROP INDEX referral_list_service;
CREATE INDEX referral_list_service ON referral (service_id, status, acknowledge_by, created_at, id, urgency, accepted_at);
