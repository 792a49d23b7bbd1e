-- The administrator's audit log search: by record id of any type, and newest first over everything.
CREATE INDEX audit_event_record_id ON audit_event (record_id, occurred_at);
CREATE INDEX audit_event_occurred ON audit_event (occurred_at);
