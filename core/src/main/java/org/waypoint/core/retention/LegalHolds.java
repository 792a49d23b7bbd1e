package org.waypoint.core.retention;

import java.util.List;
import java.util.Optional;

/** The legal holds, standing and lifted. */
public interface LegalHolds {

    void add(LegalHold hold);

    Optional<LegalHold> find(String id);

    /** Every hold on the person or on any of their referrals, newest first. */
    List<LegalHold> forClient(String clientId);
}
