package org.waypoint.notifications.outbox;

import java.util.List;
import java.util.Map;

/** Where a dispatcher hands a claimed batch over: the mail gateway, or the receivers of webhooks. */
public interface Courier {

    /** Whether it delivers the outbox's webhook rows; otherwise it sends its e-mail. */
    boolean deliversWebhooks();

    /**
     * Hands each message of the batch over, and answers the failures by message id: every message not
     * named there was accepted by the other end.
     */
    Map<String, Exception> deliver(List<OutgoingMail> batch);
}
