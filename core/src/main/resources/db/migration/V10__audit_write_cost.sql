-- Every request of the API writes an audit event, so each index on audit_event is paid for on the
-- busiest path. The (record_type, record_id) index is covered by audit_event_record_id (record_id,
-- occurred_at): ids are unique across types, and the search by record reads that one.
DROP INDEX audit_event_record;
