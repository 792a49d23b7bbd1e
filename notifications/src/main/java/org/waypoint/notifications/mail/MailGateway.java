package org.waypoint.notifications.mail;

import jakarta.mail.MessagingException;
import org.waypoint.notifications.outbox.OutgoingMail;

/** Where the dispatcher hands messages over: an SMTP server, or the pickup folder. */
public interface MailGateway {

    /** A connection for a batch of messages; opening it fails if the other end cannot be reached. */
    Connection open() throws MessagingException;

    /** One open connection. */
    interface Connection extends AutoCloseable {

        /** Hands one message over; returns once the other end has accepted it. */
        void send(OutgoingMail mail) throws MessagingException;

        @Override
        void close();
    }
}
