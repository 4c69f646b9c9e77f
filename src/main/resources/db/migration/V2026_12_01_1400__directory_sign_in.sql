-- Accounts that sign in through the province's directory (module: platform): where the account comes from
-- and who the directory says it is (OIDC issuer + subject, or the LDAP entry's DN). Local accounts keep
-- auth_source LOCAL and no external id.
ALTER TABLE app_user ADD COLUMN auth_source VARCHAR(10) DEFAULT 'LOCAL' NOT NULL;
ALTER TABLE app_user ADD COLUMN external_id VARCHAR(500);
CREATE UNIQUE INDEX app_user_external ON app_user (auth_source, external_id);
