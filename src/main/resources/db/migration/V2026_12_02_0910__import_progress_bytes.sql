-- How far into its stored file a running import is (module: platform), for a progress bar that is progress
ALTER TABLE import_job_progress ADD COLUMN bytes_read BIGINT DEFAULT 0 NOT NULL;
