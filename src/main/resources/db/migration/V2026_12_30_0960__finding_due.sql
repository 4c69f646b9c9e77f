-- Open findings by agency and deadline, so that the overdue ones of a province are summed from a few rows per
-- agency and day instead of counted on the findings' index (10 million findings: seconds); recounted for the
-- agencies a write touched, in its transaction, under finding_due_lock's row of each (taken in agency order)
CREATE TABLE finding_due (
  agency_id BIGINT NOT NULL,
  due_on    DATE NOT NULL,
  n         BIGINT NOT NULL,
  PRIMARY KEY (agency_id, due_on)
);
CREATE TABLE finding_due_lock (
  agency_id BIGINT PRIMARY KEY
);
INSERT INTO finding_due (agency_id, due_on, n)
SELECT agency_id, due_on, COUNT(*) FROM finding
WHERE is_open = TRUE AND due_on IS NOT NULL AND agency_id IS NOT NULL
GROUP BY agency_id, due_on;
