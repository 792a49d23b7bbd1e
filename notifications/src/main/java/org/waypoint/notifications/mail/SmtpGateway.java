package org.waypoint.notifications.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.waypoint.notifications.outbox.OutgoingMail;

/** Sends through the configured SMTP server, one connection per batch, TLS as {@link MailSettings} says. */
public final class SmtpGateway implements MailGateway {

    private final MailSettings settings;
    private final Session session;
    private final MimeMessages messages;

    public SmtpGateway(MailSettings settings, MimeMessages messages) {
        if (!settings.usesSmtp()) {
            throw new IllegalArgumentException("no SMTP host is configured");
        }
        this.settings = settings;
        this.session = Session.getInstance(settings.sessionProperties());
        this.messages = messages;
    }

    @Override
    public Connection open() throws MessagingException {
        Transport transport = session.getTransport(settings.protocol());
        transport.connect(settings.host().orElseThrow(), settings.effectivePort(), settings.user().orElse(null),
                settings.password().orElse(null));
        return new Connection() {
            @Override
            public void send(OutgoingMail mail) throws MessagingException {
                MimeMessage message = messages.build(session, mail);
                transport.sendMessage(message, message.getAllRecipients());
            }

            @Override
            public void close() {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // the messages were accepted or not before this; nothing is lost by a failed QUIT
                }
            }
        };
    }

    @Override
    public String toString() {
        return "SmtpGateway[" + settings + "]";
    }
}
