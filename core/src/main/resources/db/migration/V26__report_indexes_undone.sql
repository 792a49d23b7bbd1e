-- V24's reports were slower on Derby unnarrowed and for an organisation's staff, measured on a quiet
-- machine (README, Reports, Speed), and its statements are undone. Its referral_narrowing index served
-- only them: each write stops paying for it. referral_service_referrer stays (the service filter's
-- choices), and referral_event_report keeps reason_code, which the flow groups by.
DROP INDEX referral_narrowing;
