-- Imports look assets up by identity_key IN (...) a batch at a time; H2 only uses an index for an IN list
-- on the index's first column, so the composite unique constraint alone means a scan per batch.
CREATE INDEX asset_identity_key ON asset (identity_key);
