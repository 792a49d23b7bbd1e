-- Key rotation (README "Encryption keys"): one row says how far the re-encryption of every stored
-- value under the active key has come, so that it can stop and carry on where it left off, and who
-- runs it: an instance holds it by a lease taken with a conditional UPDATE, as the outbox's rows are.
CREATE TABLE key_rotation (
    id           SMALLINT     NOT NULL PRIMARY KEY,
    target_key   VARCHAR(8),
    table_index  INTEGER      NOT NULL,
    last_id      VARCHAR(140),
    rows_read    BIGINT       NOT NULL,
    rewritten    BIGINT       NOT NULL,
    started_at   TIMESTAMP,
    finished_at  TIMESTAMP,
    owner        VARCHAR(100),
    lease_until  TIMESTAMP
);

INSERT INTO key_rotation (id, table_index, rows_read, rewritten) VALUES (1, 0, 0, 0);
