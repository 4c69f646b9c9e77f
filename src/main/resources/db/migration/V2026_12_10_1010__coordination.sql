-- Coordination (module: incident): the roster's names sort in Vietnamese order by the bytes of their collation key,
-- as the registry's names do (ADR 0007); responder.name_key keeps the folded name, which searches match.
ALTER TABLE responder ADD COLUMN sort_key BYTEA;
CREATE INDEX responder_agency_sort ON responder (agency_id, sort_key);
CREATE INDEX responder_sort ON responder (sort_key, id);
-- the inbox of an organisation or an agency, open requests first by their due date
CREATE INDEX coordination_request_organisation_status ON coordination_request (organisation_id, status, due);
CREATE INDEX coordination_request_agency_status ON coordination_request (agency_id, status, due);
