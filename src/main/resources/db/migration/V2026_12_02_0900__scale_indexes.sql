-- Scale (module: inventory, platform): every agency column leads an index, and host lists are read in
-- the order of an index. Hosts sort by name (their identity key: host names, then address-only hosts,
-- then portals by URL) or by when they were last seen, province-wide and within an agency.
CREATE INDEX asset_agency_name ON asset (agency_id, identity_key);
-- a host found by the start of its (first) address, whether or not it has a name
CREATE INDEX asset_address ON asset (addresses);
CREATE INDEX asset_seen ON asset (last_seen_at, id);
CREATE INDEX asset_agency_seen ON asset (agency_id, last_seen_at, id);

CREATE INDEX app_user_agency ON app_user (agency_id);
CREATE INDEX asset_left_behind_successor ON asset_left_behind (successor_agency_id);
CREATE INDEX coverage_snapshot_agency ON coverage_snapshot (agency_id, snapshot_date);
CREATE INDEX malware_campaign_agency_agency ON malware_campaign_agency (agency_id);
