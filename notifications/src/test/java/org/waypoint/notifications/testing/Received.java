package org.waypoint.notifications.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A message as the SMTP server received it: raw, and decoded into headers and the two bodies. */
public record Received(String recipient, String subject, String messageId, String from, String text, String html,
                       List<String> headers, String raw) {

    public static List<Received> all(MimeMessage[] messages) {
        return Arrays.stream(messages).map(Received::of).toList();
    }

    public static Received of(MimeMessage message) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            List<String> headers = new ArrayList<>();
            for (Header header : Collections.list(message.getAllHeaders())) {
                headers.add(header.getName() + ": " + MimeUtility.decodeText(header.getValue()));
            }
            Multipart parts = (Multipart) message.getContent();
            String text = null;
            String html = null;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
            return new Received(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
                    message.getMessageID(), message.getFrom()[0].toString(), text, html, headers,
                    raw.toString(StandardCharsets.UTF_8));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("an unreadable message arrived", e);
        }
    }

    /** Everything the server received of it, decoded and raw, as one text to search. */
    public String everything() {
        return String.join("\n", headers) + "\n" + subject + "\n" + text + "\n" + html + "\n" + raw;
    }
}
