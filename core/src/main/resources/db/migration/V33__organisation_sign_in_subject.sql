-- An account that has signed in through its organisation's OpenID Connect provider is bound to the
-- person the provider knows it as: the provider's issuer and its stable subject ("sub"), set at the
-- first such sign-in (matched then by the verified e-mail address) and matched by afterwards, so that an
-- address the organisation gives to someone else later does not sign them in to this account
-- (docs/adr/0022-organisations-sign-in-with-openid-connect.md). One account per subject of an issuer.
ALTER TABLE user_account ADD COLUMN provider_issuer VARCHAR(500);
ALTER TABLE user_account ADD COLUMN provider_subject VARCHAR(255);
ALTER TABLE user_account ADD CONSTRAINT user_account_provider_subject UNIQUE (provider_issuer, provider_subject);
