-- Account security (module: platform): TOTP replay protection and one policy row per role
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT;

INSERT INTO role_policy (role, totp_required) VALUES ('ADMIN', FALSE);
INSERT INTO role_policy (role, totp_required) VALUES ('PROVINCE_OPERATOR', FALSE);
INSERT INTO role_policy (role, totp_required) VALUES ('POLICE', FALSE);
INSERT INTO role_policy (role, totp_required) VALUES ('LEADERSHIP', FALSE);
INSERT INTO role_policy (role, totp_required) VALUES ('AGENCY_OFFICER', FALSE);
INSERT INTO role_policy (role, totp_required) VALUES ('RESPONDER', FALSE);
INSERT INTO role_policy (role, totp_required) VALUES ('ASSESSOR', FALSE);
INSERT INTO role_policy (role, totp_required) VALUES ('ORGANISATION', FALSE);

-- Audit viewer filters by actor and action
CREATE INDEX audit_entry_actor ON audit_entry (actor);
CREATE INDEX audit_entry_action ON audit_entry (action);
