-- Names sort in Vietnamese order by a collation key computed in Java (ADR 0007): both
-- databases compare these bytes as the collator compares the names. The keys of rows
-- already here are filled by the next (Java) migration.
ALTER TABLE agency ADD COLUMN name_key BYTEA;
ALTER TABLE information_system ADD COLUMN name_key BYTEA;
ALTER TABLE organisation ADD COLUMN name_key BYTEA;
ALTER TABLE focal_point ADD COLUMN name_key BYTEA;
ALTER TABLE app_user ADD COLUMN display_name_key BYTEA;

CREATE INDEX agency_name_key ON agency (name_key);
CREATE INDEX information_system_owner_name_key ON information_system (owner_agency_id, name_key);
CREATE INDEX organisation_name_key ON organisation (name_key);
CREATE INDEX focal_point_agency_name_key ON focal_point (agency_id, name_key);
