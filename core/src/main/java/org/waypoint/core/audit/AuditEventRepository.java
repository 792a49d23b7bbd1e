package org.waypoint.core.audit;

import java.util.List;
import org.waypoint.core.shared.Page;

/** The append-only store of audit events: it can add and find, nothing else. */
public interface AuditEventRepository {

    void append(AuditEvent event);

    /** Every event about one record, oldest first. */
    List<AuditEvent> findByRecord(String recordType, String recordId);

    /** One page of the events the query asks for, newest first (ties in id order). */
    Page<AuditEvent> search(AuditQuery query);
}
