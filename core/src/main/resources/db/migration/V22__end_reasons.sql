-- Why a service rejected a referral or ended its work without an outcome, as a code the reports
-- count (the reason in words stays encrypted in reason). Steps recorded before this have none.
ALTER TABLE referral_event ADD COLUMN reason_code VARCHAR(30);
