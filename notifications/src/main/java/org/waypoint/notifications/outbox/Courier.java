package org.waypoint.notifications.outbox;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Where a dispatcher hands a claimed batch over: the mail gateway, or the receivers of webhooks. */
public interface Courier {

    /** Whether it delivers the outbox's webhook rows; otherwise it sends its e-mail. */
    boolean deliversWebhooks();

    /**
     * Hands each message of the batch over, telling {@code accepted} each message id as soon as the
     * other end has accepted it (on the calling thread), and answers the failures by message id: every
     * message not named there was accepted.
     */
    Map<String, Exception> deliver(List<OutgoingMail> batch, Consumer<String> accepted);
}
