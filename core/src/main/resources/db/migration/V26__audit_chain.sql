-- The audit trail as hash chains (docs/adr/0011-audit-trail-hash-chains.md): each new event names its
-- place in one of eight chains (partition and sequence), the hash of the event before it there, and
-- its own hash over every stored column. A head row a chain holds its last sequence and hash, and is
-- updated in the writer's transaction: writers wait only for another writer of the same chain.
ALTER TABLE audit_event ADD COLUMN chain_partition SMALLINT;
ALTER TABLE audit_event ADD COLUMN chain_sequence BIGINT;
ALTER TABLE audit_event ADD COLUMN previous_hash CHAR(64);
ALTER TABLE audit_event ADD COLUMN entry_hash CHAR(64);
-- Events from before this migration have no place in a chain (nulls, which a unique constraint allows
-- many of); the verification walks each chain in order along this constraint's index.
ALTER TABLE audit_event ADD CONSTRAINT audit_event_chain UNIQUE (chain_partition, chain_sequence);

CREATE TABLE audit_chain_head (
    chain_partition SMALLINT NOT NULL PRIMARY KEY,
    last_sequence   BIGINT   NOT NULL,
    last_hash       CHAR(64) NOT NULL
);

INSERT INTO audit_chain_head (chain_partition, last_sequence, last_hash) VALUES
    (0, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (1, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (2, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (3, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (4, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (5, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (6, 0, '0000000000000000000000000000000000000000000000000000000000000000'),
    (7, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- How many events were recorded before the chains began: they stay outside every chain, and the
-- verification reports a different count of unchained events (one inserted or deleted since).
CREATE TABLE audit_chain_start (
    events_before BIGINT NOT NULL
);

INSERT INTO audit_chain_start (events_before) SELECT COUNT(*) FROM audit_event;
