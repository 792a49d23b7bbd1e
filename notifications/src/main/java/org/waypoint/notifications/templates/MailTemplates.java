package org.waypoint.notifications.templates;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.shared.GovUkTime;
import org.waypoint.notifications.outbox.MailKind;
import org.waypoint.notifications.outbox.RenderedMail;

/**
 * Renders an e-mail of each kind from {@code templates/<kind>.txt.mustache} and
 * {@code templates/<kind>.html.mustache}. The HTML templates escape every value; the text ones write
 * values as they are. Both are compiled once, when this is made, so a missing template stops the
 * application from starting rather than a message from being sent.
 */
public final class MailTemplates {

    private final Map<MailKind, Mustache> text = new EnumMap<>(MailKind.class);
    private final Map<MailKind, Mustache> html = new EnumMap<>(MailKind.class);

    public MailTemplates() {
        MustacheFactory textFactory = new DefaultMustacheFactory(MailTemplates::resource) {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        MustacheFactory htmlFactory = new DefaultMustacheFactory(MailTemplates::resource);
        for (MailKind kind : MailKind.values()) {
            if (kind.isWebhook()) {
                continue;
            }
            text.put(kind, textFactory.compile(kind.template() + ".txt.mustache"));
            html.put(kind, htmlFactory.compile(kind.template() + ".html.mustache"));
        }
    }

    private static Reader resource(String name) {
        InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream("templates/" + name);
        return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    public RenderedMail render(MailKind kind, MailContent content) {
        if (kind.isWebhook()) {
            throw new IllegalArgumentException("a webhook delivery is not an e-mail");
        }
        Map<String, Object> scope = new HashMap<>();
        scope.put("subject", kind.subject());
        scope.put("reference", content.reference());
        scope.put("serviceName", content.serviceName());
        scope.put("urgent", content.urgency().filter(u -> u == Urgency.URGENT).isPresent());
        content.dueBy().ifPresent(due -> scope.put("dueBy", GovUkTime.dateTime(due) + " (UK time)"));
        content.newStatus().ifPresent(status -> scope.put("newStatus", words(status)));
        content.changedBy().ifPresent(organisation -> scope.put("changedBy", organisation));
        scope.put("link", content.link().toString());
        return new RenderedMail(kind, kind.subject(), execute(text.get(kind), scope), execute(html.get(kind), scope));
    }

    /** The password reset e-mail: its link and how long it works, nothing else. */
    public RenderedMail renderPasswordReset(URI link) {
        MailKind kind = MailKind.PASSWORD_RESET;
        Map<String, Object> scope = new HashMap<>();
        scope.put("subject", kind.subject());
        scope.put("link", link.toString());
        return new RenderedMail(kind, kind.subject(), execute(text.get(kind), scope), execute(html.get(kind), scope));
    }

    /** A status as the pages say it. */
    static String words(ReferralStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case REQUESTED -> "Sent";
            case RECEIVED -> "Received";
            case ACCEPTED -> "Accepted";
            case REJECTED -> "Rejected";
            case IN_PROGRESS -> "In progress";
            case ON_HOLD -> "On hold";
            case COMPLETED -> "Completed";
            case FAILED -> "Ended without completing";
            case CANCELLED -> "Cancelled";
            case ENTERED_IN_ERROR -> "Entered in error";
        };
    }

    private static String execute(Mustache template, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }
}
