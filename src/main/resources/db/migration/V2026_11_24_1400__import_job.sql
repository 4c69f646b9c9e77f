-- Uploads parsed as jobs (module: platform, used by every module); see ImportJobs
CREATE TABLE import_job (
  id             VARCHAR(36) PRIMARY KEY,
  module         VARCHAR(30) NOT NULL,
  kind           VARCHAR(50) NOT NULL,
  format         VARCHAR(20),
  dry_run        BOOLEAN NOT NULL DEFAULT FALSE,
  state          VARCHAR(20) NOT NULL,
  file_id        BIGINT NOT NULL REFERENCES stored_file (id),
  agency_id      BIGINT,
  system_id      BIGINT,
  processed      BIGINT NOT NULL DEFAULT 0,
  counts         TEXT,
  problems       TEXT,
  error_key      VARCHAR(200),
  error_args     TEXT,
  error_location VARCHAR(200),
  created_by     VARCHAR(100) NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at     TIMESTAMP WITH TIME ZONE,
  finished_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX import_job_agency ON import_job (agency_id);
CREATE INDEX import_job_created ON import_job (created_at);
