-- The imports history (module: platform) reads a page of jobs newest first: the province's along
-- import_job_created, a submitter's (an officer sees the jobs they started) and an agency's along these.
-- The agency's replaces the index on agency_id alone, which it leads with.
CREATE INDEX import_job_creator_created ON import_job (created_by, created_at);
CREATE INDEX import_job_agency_created ON import_job (agency_id, created_at);
DROP INDEX import_job_agency;
