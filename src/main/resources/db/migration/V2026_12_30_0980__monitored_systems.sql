-- Of the systems counted per owner agency and level, those monitored by the province's SOC or an
-- organisation (module: inventory): the second of the four protection layers, rolled up for the province
-- from here instead of from the systems.
ALTER TABLE system_level_by_agency ADD COLUMN monitored INT NOT NULL DEFAULT 0;

UPDATE system_level_by_agency SET monitored = (
  SELECT COUNT(*) FROM information_system s
  WHERE s.owner_agency_id = system_level_by_agency.agency_id
    AND COALESCE(s.security_level_approved, 0) = system_level_by_agency.approved_level
    AND s.lifecycle <> 'RETIRED' AND s.monitoring_kind <> 'NONE');
