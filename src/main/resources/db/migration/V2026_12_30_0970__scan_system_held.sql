-- The day each system was last scanned (module: vulnerability), with its owner agency: the compliance
-- overview counts the systems that had the pack's periodic scan from these few rows instead of the
-- scans and findings. Kept by the scan import; follows systems and agencies like the findings.
CREATE TABLE scan_system_held (
  system_id       BIGINT PRIMARY KEY,
  agency_id       BIGINT NOT NULL,
  last_scanned_on DATE NOT NULL
);
CREATE INDEX scan_system_held_agency ON scan_system_held (agency_id, last_scanned_on);

-- What the findings show of the scans imported before this table
INSERT INTO scan_system_held (system_id, agency_id, last_scanned_on)
SELECT system_id, MAX(agency_id), CAST(MAX(last_seen_at) AS DATE) FROM finding
WHERE system_id IS NOT NULL AND agency_id IS NOT NULL GROUP BY system_id;
