-- Audit rows past their own retention are written to an archive file in the data folder and only
-- then deleted (docs/adr/0015-audit-archives-and-chain-anchors.md).

-- One row a file: its name, how many events it holds and of what period, and the SHA-256 of the file
-- as written and synced. Recorded before any of its events is deleted; deleted_at once all are.
CREATE TABLE audit_archive (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    file_name   VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    events      BIGINT       NOT NULL,
    first_at    TIMESTAMP,
    last_at     TIMESTAMP,
    sha256      CHAR(64)     NOT NULL,
    deleted_at  TIMESTAMP
);

CREATE INDEX audit_archive_created ON audit_archive (created_at);

-- Where each chain starts now: the first sequence still kept and the previous hash that event must
-- carry (the hash of the last event archived before it). Moved in the transaction that deletes.
CREATE TABLE audit_chain_anchor (
    chain_partition SMALLINT NOT NULL PRIMARY KEY,
    first_sequence  BIGINT   NOT NULL,
    previous_hash   CHAR(64) NOT NULL
);

INSERT INTO audit_chain_anchor (chain_partition, first_sequence, previous_hash) VALUES
    (0, 1, '0000000000000000000000000000000000000000000000000000000000000000'),
    (1, 1, '0000000000000000000000000000000000000000000000000000000000000000'),
    (2, 1, '0000000000000000000000000000000000000000000000000000000000000000'),
    (3, 1, '0000000000000000000000000000000000000000000000000000000000000000'),
    (4, 1, '0000000000000000000000000000000000000000000000000000000000000000'),
    (5, 1, '0000000000000000000000000000000000000000000000000000000000000000'),
    (6, 1, '0000000000000000000000000000000000000000000000000000000000000000'),
    (7, 1, '0000000000000000000000000000000000000000000000000000000000000000');

-- Its own lease: the audit archive runs after the people's retention pass, but neither waits on the other.
INSERT INTO job_lease (job) VALUES ('audit-archive');
