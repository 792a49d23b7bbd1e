-- Which service each change to the directory was made to, under the directory's version it moved on
-- to, so that an instance a few changes behind reads those services again instead of the whole
-- directory (at 50,000 services a whole read takes seconds; one service, milliseconds). The rows are
-- written under the lock of directory_version's row, so their versions follow the commits' order.
-- Only the latest changes are kept. An instance further behind, or a change to the whole directory
-- (an import, which records no row here), takes the whole directory afresh.

CREATE TABLE directory_change (
    version    BIGINT   NOT NULL PRIMARY KEY,
    service_id CHAR(36) NOT NULL
);
