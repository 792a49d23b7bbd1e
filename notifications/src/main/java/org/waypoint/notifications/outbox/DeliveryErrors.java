package org.waypoint.notifications.outbox;

import java.util.regex.Pattern;

/**
 * What is kept of a failed delivery: the exception's class and the SMTP reply code and text, with
 * anything that looks like an e-mail address taken out (servers quote the recipient in their
 * replies), on one line and short.
 */
final class DeliveryErrors {

    private static final int MAX = 500;
    private static final Pattern ADDRESS = Pattern.compile("<?[^\\s<>@,;:\"]+@[^\\s<>,;:\"]+>?");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

    private DeliveryErrors() {
    }

    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 3; depth++) {
            if (depth > 0) {
                text.append(" <- ");
            }
            text.append(current.getClass().getSimpleName());
            if (current.getMessage() != null) {
                text.append(": ").append(current.getMessage());
            }
            Throwable next = current.getCause();
            if (next == null && current instanceof jakarta.mail.MessagingException messaging) {
                next = messaging.getNextException();
            }
            current = next == current ? null : next;
        }
        String cleaned = LINE_BREAKS.matcher(ADDRESS.matcher(text).replaceAll("[address]")).replaceAll(" ").strip();
        return cleaned.length() <= MAX ? cleaned : cleaned.substring(0, MAX - 1) + "…";
    }
}
