-- Upload quota per agency and retention (module: platform); see FileStore and UploadRetention
ALTER TABLE stored_file ADD COLUMN agency_id BIGINT;
ALTER TABLE stored_file ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
-- one agency's uploads (usage recount, listings); the nightly purge looks for old ones by date
CREATE INDEX stored_file_agency ON stored_file (agency_id, uploaded_at);
CREATE INDEX stored_file_uploaded ON stored_file (uploaded_at);
-- the purge asks whether a queued or running job still needs a file
CREATE INDEX import_job_file ON import_job (file_id, state);
-- bytes charged to each agency by its live uploads, kept by FileStore and UploadRetention
CREATE TABLE upload_usage (
  agency_id BIGINT PRIMARY KEY,
  bytes     BIGINT NOT NULL
);
