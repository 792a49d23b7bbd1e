-- The reports' service filter offers a reader only the services their organisation provides or has
-- referred to: for each service, whether the organisation has a referral to it is one look-up here
-- instead of a walk through every referral of that service.
CREATE INDEX referral_service_referrer ON referral (service_id, referring_org_id);
