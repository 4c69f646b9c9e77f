-- The counts read model as it stood at the start of each day, per agency: the findings' progress over time (R4.3).
CREATE TABLE finding_tally_day (
  agency_id BIGINT NOT NULL,
  on_day    DATE NOT NULL,
  severity  SMALLINT NOT NULL,
  status    VARCHAR(20) NOT NULL,
  n         BIGINT NOT NULL,
  PRIMARY KEY (agency_id, on_day, severity, status)
);
CREATE INDEX finding_tally_day_day ON finding_tally_day (on_day);
