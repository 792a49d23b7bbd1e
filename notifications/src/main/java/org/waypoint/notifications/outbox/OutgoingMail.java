package org.waypoint.notifications.outbox;

import java.time.Instant;

/**
 * One claimed outbox row, as the dispatcher hands it to a mail gateway. Its id is the message's
 * identity: the Message-ID header and the pickup file's name are made from it.
 */
public record OutgoingMail(String id, String recipient, String subject, String text, String html, Instant createdAt,
                           int attempts, Instant giveUpAfter) {

    @Override
    public String toString() {
        return "OutgoingMail[" + id + "]";
    }
}
