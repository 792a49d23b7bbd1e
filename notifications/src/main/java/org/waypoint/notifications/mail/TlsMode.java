package org.waypoint.notifications.mail;

import java.util.Locale;

/** How the connection to the SMTP server is protected ({@code waypoint.mail.tls}). */
public enum TlsMode {
    /** Plain connection upgraded with STARTTLS, which the server must offer: no silent fall-back to plain text. */
    STARTTLS(587),
    /** TLS from the first byte (SMTPS). */
    SMTPS(465),
    /** No TLS at all: only for a local test server, and only when asked for by name. */
    NONE(25);

    private final int defaultPort;

    TlsMode(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** From the configured value: {@code starttls}, {@code smtps} or {@code none}, in any case. */
    public static TlsMode parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("waypoint.mail.tls is one of starttls, smtps, none", e);
        }
    }
}
