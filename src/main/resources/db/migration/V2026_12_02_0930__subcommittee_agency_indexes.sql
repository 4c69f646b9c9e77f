-- Every agency column leads an index on PostgreSQL too (H2 indexes foreign keys by itself; PostgreSQL does not)
CREATE INDEX subcommittee_standing_agency ON subcommittee (standing_agency_id);
CREATE INDEX subcommittee_member_agency ON subcommittee_member (agency_id);
