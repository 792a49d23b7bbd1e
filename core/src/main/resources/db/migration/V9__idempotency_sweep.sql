-- Idempotency records are swept once older than their retention, oldest first, a batch at a time:
-- this index lets each batch read only the rows it deletes instead of the whole table.
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
