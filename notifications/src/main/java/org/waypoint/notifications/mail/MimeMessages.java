package org.waypoint.notifications.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.waypoint.notifications.outbox.OutgoingMail;

/**
 * Builds the MIME message for an outbox row: a neutral sender name, one recipient, plain text and
 * HTML alternatives, and headers made from the row only, so that a resend is byte for byte the same
 * message: the Message-ID is the row's id and the Date its creation time.
 */
public final class MimeMessages {

    public static final String SENDER_NAME = "Waypoint";

    private final String from;
    private final String messageIdDomain;

    public MimeMessages(String from, String messageIdDomain) {
        this.from = from;
        this.messageIdDomain = messageIdDomain;
    }

    /** The Message-ID of the outbox row {@code outboxId}. */
    public String messageId(String outboxId) {
        return "<" + outboxId + "@" + messageIdDomain + ">";
    }

    public MimeMessage build(Session session, OutgoingMail mail) throws MessagingException {
        MimeMessage message = new IdentifiedMessage(session, messageId(mail.id()));
        try {
            message.setFrom(new InternetAddress(from, SENDER_NAME, StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(mail.createdAt()));
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }

    /** Jakarta Mail makes up a new Message-ID on every save; this one keeps the outbox row's. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
