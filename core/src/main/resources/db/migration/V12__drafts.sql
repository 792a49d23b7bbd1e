-- A draft is saved as soon as the person is known: its needs and service come later.
-- ${dropNotNull} is NULL on Derby and DROP NOT NULL on PostgreSQL (Migrations.placeholders).
ALTER TABLE referral ALTER COLUMN service_id ${dropNotNull};
ALTER TABLE referral ALTER COLUMN risk_level ${dropNotNull};
ALTER TABLE referral ALTER COLUMN urgency ${dropNotNull};
-- Where to look for services when not the person's own postcode; encrypted like every postcode.
ALTER TABLE referral ADD COLUMN match_area VARCHAR(100);
