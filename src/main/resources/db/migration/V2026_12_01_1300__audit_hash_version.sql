-- Which function sealed each audit entry (module: platform, ADR 0002). Entries written before this keep their
-- version 1 hash; AuditLog seals new ones with version 2 and always says so, hence no default afterwards.
ALTER TABLE audit_entry ADD COLUMN hash_version INT NOT NULL DEFAULT 1;
ALTER TABLE audit_entry ALTER COLUMN hash_version DROP DEFAULT;
