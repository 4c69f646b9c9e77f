-- Each agency's score and rank among its kind, kept every night for the scorecard's trend
CREATE TABLE scorecard_day (
  agency_id    BIGINT NOT NULL REFERENCES agency (id),
  taken_on     DATE NOT NULL,
  kind         VARCHAR(30) NOT NULL,
  score        DOUBLE PRECISION,
  rank_in_kind INT,
  of_kind      INT,
  PRIMARY KEY (agency_id, taken_on)
);
CREATE INDEX scorecard_day_taken ON scorecard_day (taken_on, kind);
