-- Systems in use (not retired) per owner agency and approved security level, 0 for none yet (module:
-- inventory): the compliance overview reads its shares here instead of counting a province's systems per
-- view. Kept by the writers of information_system in their transactions (SystemLevels).
CREATE TABLE system_level_by_agency (
  agency_id      BIGINT NOT NULL,
  approved_level INT NOT NULL,
  systems        INT NOT NULL,
  PRIMARY KEY (agency_id, approved_level)
);

INSERT INTO system_level_by_agency (agency_id, approved_level, systems)
SELECT owner_agency_id, COALESCE(security_level_approved, 0), COUNT(*) FROM information_system
WHERE lifecycle <> 'RETIRED' GROUP BY owner_agency_id, COALESCE(security_level_approved, 0);
