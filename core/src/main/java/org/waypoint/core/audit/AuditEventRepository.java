package org.waypoint.core.audit;

import java.util.List;

/** The append-only store of audit events: it can add and find, nothing else. */
public interface AuditEventRepository {

    void append(AuditEvent event);

    /** Every event about one record, oldest first. */
    List<AuditEvent> findByRecord(String recordType, String recordId);
}
