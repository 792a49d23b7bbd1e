-- Second factors (docs/adr/0020-second-factor.md). The time-based one-time password's secret is
-- encrypted at rest (FieldCipher): the one confirmed, and the one being set up until its first code.
-- The last step a code was accepted for refuses that code, and every earlier one, again. Wrong codes
-- count apart from wrong passwords, by the same rule, so that a right password never clears them.
ALTER TABLE user_account ADD COLUMN totp_secret VARCHAR(200);
ALTER TABLE user_account ADD COLUMN totp_pending_secret VARCHAR(200);
ALTER TABLE user_account ADD COLUMN totp_confirmed_at TIMESTAMP;
ALTER TABLE user_account ADD COLUMN totp_last_step BIGINT;
ALTER TABLE user_account ADD COLUMN failed_codes INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE user_account ADD COLUMN codes_locked_until TIMESTAMP;

-- Ten single-use recovery codes per account; only the SHA-256 of each is kept.
CREATE TABLE recovery_code (
    id         CHAR(36)  NOT NULL PRIMARY KEY,
    user_id    CHAR(36)  NOT NULL REFERENCES user_account (id),
    code_hash  CHAR(64)  NOT NULL,
    created_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP,
    CONSTRAINT recovery_code_hash UNIQUE (code_hash)
);

CREATE INDEX recovery_code_user ON recovery_code (user_id);

-- A browser that has given the right password but not yet its second factor is not signed in:
-- its session waits at a stage (CODE: a code is asked for; ENROL: a second factor must be set up).
ALTER TABLE browser_session ADD COLUMN stage VARCHAR(10) DEFAULT 'SIGNED_IN' NOT NULL;
