-- Key rotation (README "Encryption keys"): one row says how far the re-encryption of every stored
-- value under the active key has come, so that it can stop and carry on where it left off. Who runs
-- it is the job lease 'key-rotation' (V27's job_lease), as for every job one instance at a time runs.
CREATE TABLE key_rotation (
    id           SMALLINT     NOT NULL PRIMARY KEY,
    target_key   VARCHAR(8),
    table_index  INTEGER      NOT NULL,
    last_id      VARCHAR(140),
    rows_read    BIGINT       NOT NULL,
    rewritten    BIGINT       NOT NULL,
    started_at   TIMESTAMP,
    finished_at  TIMESTAMP
);

INSERT INTO key_rotation (id, table_index, rows_read, rewritten) VALUES (1, 0, 0, 0);

INSERT INTO job_lease (job) VALUES ('key-rotation');
