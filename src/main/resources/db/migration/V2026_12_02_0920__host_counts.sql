-- Hosts per agency and kind (module: inventory): host lists take their exact totals from here instead of
-- counting a province's hosts per page view. Kept with coverage_by_agency, by the same writers, in the same
-- transactions (CoverageByAgency).
CREATE TABLE asset_count_by_agency (
  agency_id BIGINT NOT NULL,
  kind      VARCHAR(30) NOT NULL,
  hosts     INT NOT NULL,
  PRIMARY KEY (agency_id, kind)
);

INSERT INTO asset_count_by_agency (agency_id, kind, hosts)
SELECT agency_id, kind, COUNT(*) FROM asset GROUP BY agency_id, kind;
