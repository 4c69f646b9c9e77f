-- The coverage read model (module: inventory): per agency, its own hosts in scope of the coverage rule and the
-- protected ones, so the coverage overview and the API read a row per agency instead of every host. Every write
-- that changes an agency's hosts takes its row first and recounts it (by index) before it commits (CoverageByAgency).
-- protected counts the protected hosts whose signatures date from counted_from on; coverage_by_agency_day says how
-- many of them have each signature date, so a read on a later day subtracts the days that have aged out since.
CREATE TABLE coverage_by_agency (
  agency_id    BIGINT PRIMARY KEY,
  in_scope     INT NOT NULL,
  protected    INT NOT NULL,
  counted_from DATE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE coverage_by_agency_day (
  agency_id      BIGINT NOT NULL,
  signature_date DATE NOT NULL,
  hosts          INT NOT NULL,
  PRIMARY KEY (agency_id, signature_date)
);

-- A coverage import reads its agency's hosts, a recount counts them and the list of unprotected hosts filters by
-- agency: since the identity constraint leads with identity_key, nothing served agency_id until now.
CREATE INDEX asset_agency ON asset (agency_id, kind);

-- The hosts already known, counted once; no signature day is dropped yet, so counted_from is the earliest possible
-- and reads subtract every day aged out until the first nightly recount.
INSERT INTO coverage_by_agency_day (agency_id, signature_date, hosts)
SELECT a.agency_id, ps.signature_date, COUNT(*)
FROM asset a JOIN protection_status ps ON ps.asset_id = a.id
WHERE a.kind IN ('SERVER', 'WORKSTATION', 'LAPTOP') AND ps.product IS NOT NULL AND ps.running = TRUE
  AND ps.signature_date IS NOT NULL
GROUP BY a.agency_id, ps.signature_date;

INSERT INTO coverage_by_agency (agency_id, in_scope, protected, counted_from, updated_at)
SELECT a.agency_id, COUNT(*),
  COALESCE((SELECT SUM(d.hosts) FROM coverage_by_agency_day d WHERE d.agency_id = a.agency_id), 0),
  DATE '1970-01-01', CURRENT_TIMESTAMP
FROM asset a
WHERE a.kind IN ('SERVER', 'WORKSTATION', 'LAPTOP')
GROUP BY a.agency_id;
