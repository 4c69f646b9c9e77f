-- Values of a rule pack an administrator changed in Khiên rather than in the pack's file
-- (the change itself is in the audit trail). Not agency-owned: packs are the province's.
CREATE TABLE rule_pack_adjustment (
    pack_id     VARCHAR(64)   NOT NULL,
    target      VARCHAR(200)  NOT NULL,
    amount      BIGINT        NOT NULL,
    original    BIGINT        NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    adjusted_by VARCHAR(200)  NOT NULL,
    adjusted_at TIMESTAMP     NOT NULL,
    CONSTRAINT rule_pack_adjustment_pk PRIMARY KEY (pack_id, target)
);
