package org.waypoint.core.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where browser sessions are kept, by the hash of their cookie's secret. */
public interface BrowserSessionRepository {

    Optional<BrowserSession> findByHash(String tokenHash);

    List<BrowserSession> ofUser(String userId);

    void add(BrowserSession session);

    /** Ends one session; false when there was none by that id for that user. */
    boolean remove(String userId, String sessionId);

    /** Ends every session of a user but {@code keptId} (which may be null), answering how many ended. */
    int removeAllOf(String userId, String keptId);

    /** Ends the session with this secret's hash, if there is one. */
    void removeByHash(String tokenHash);

    /** Records a use of the session at {@code at}, unless a later one was recorded meanwhile. */
    void seen(String sessionId, Instant at);

    /** Deletes sessions last seen before {@code idleBefore} or signed in before {@code signedInBefore}. */
    int removeEnded(Instant idleBefore, Instant signedInBefore);
}
