-- The directory's version: one row, moved on in the transaction of every change to the directory,
-- which each instance polls to know that its snapshot for matching is stale.

CREATE TABLE directory_version (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version BIGINT  NOT NULL
);

INSERT INTO directory_version (id, version) VALUES (1, 0);
