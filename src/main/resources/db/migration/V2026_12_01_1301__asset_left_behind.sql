-- Assets that stayed with a merged or split agency because its successor already had one with the same identity
-- (module: inventory). A source agency is retired once, so it names its reorganisation.
CREATE TABLE asset_left_behind (
  asset_id            BIGINT PRIMARY KEY REFERENCES asset (id) ON DELETE CASCADE,
  source_agency_id    BIGINT NOT NULL,
  successor_agency_id BIGINT NOT NULL,
  successor_asset_id  BIGINT REFERENCES asset (id) ON DELETE SET NULL,
  identity_key        VARCHAR(700) NOT NULL,
  effective_date      DATE NOT NULL,
  recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX asset_left_behind_source ON asset_left_behind (source_agency_id);
