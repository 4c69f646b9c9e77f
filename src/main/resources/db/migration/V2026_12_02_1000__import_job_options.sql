-- What a module's import needs beyond format and dry run (the agency import: valid rows only, history date),
-- kept on the job so that a confirmed preview runs with the same options: a JSON object of strings.
ALTER TABLE import_job ADD COLUMN module_options TEXT;
