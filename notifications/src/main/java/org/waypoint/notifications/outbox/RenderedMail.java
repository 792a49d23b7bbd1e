package org.waypoint.notifications.outbox;

import java.util.Objects;

/** An e-mail's words, rendered from its templates: a generic subject, plain text and HTML. */
public record RenderedMail(MailKind kind, String subject, String text, String html) {

    public RenderedMail {
        Objects.requireNonNull(kind, "a rendered mail has a kind");
        Objects.requireNonNull(subject, "a rendered mail has a subject");
        Objects.requireNonNull(text, "a rendered mail has a text body");
        Objects.requireNonNull(html, "a rendered mail has an HTML body");
    }

    @Override
    public String toString() {
        return "RenderedMail[" + kind + "]";
    }
}
