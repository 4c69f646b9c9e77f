-- Public or internal data, the part of the classification the base schema does not hold (module: inventory)
ALTER TABLE information_system ADD COLUMN data_classification VARCHAR(20) NOT NULL DEFAULT 'INTERNAL';
CREATE INDEX information_system_operator ON information_system (operator_agency_id);
