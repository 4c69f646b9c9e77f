-- Fewer indexes to maintain on every imported host: the identity constraint leads with identity_key,
-- so it also serves the importers' lookups by key, and nothing searches hosts by hostname equality.
ALTER TABLE asset DROP CONSTRAINT asset_identity;
ALTER TABLE asset ADD CONSTRAINT asset_identity UNIQUE (identity_key, agency_id);
DROP INDEX asset_identity_key;
DROP INDEX asset_hostname;
