-- Files that are records (a dossier's parts, a decision, evidence) are kept whatever the upload retention:
-- the module that attaches one marks it in the same transaction, so an upload whose record rolled back is
-- still purged in time.
ALTER TABLE stored_file ADD COLUMN kept BOOLEAN DEFAULT FALSE NOT NULL;
