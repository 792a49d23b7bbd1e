package org.waypoint.notifications.mail;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * How e-mail leaves Waypoint. With no SMTP host, messages go to the pickup folder; with one, TLS is
 * required unless {@link TlsMode#NONE} is asked for, and the server's certificate must name the host.
 */
public record MailSettings(Optional<String> host, OptionalInt port, Optional<String> user, Optional<String> password,
                           String from, TlsMode tls, URI publicUrl) {

    private static final String CONNECT_TIMEOUT_MS = "10000";
    private static final String IO_TIMEOUT_MS = "30000";

    public MailSettings {
        host = host.map(String::strip).filter(h -> !h.isEmpty());
        Objects.requireNonNull(from, "a sender address is required");
        Objects.requireNonNull(tls, "a TLS mode is required");
        Objects.requireNonNull(publicUrl, "the public address is required");
    }

    /** Whether an SMTP server is configured; if not, messages are written to the pickup folder. */
    public boolean usesSmtp() {
        return host.isPresent();
    }

    public int effectivePort() {
        return port.orElse(tls.defaultPort());
    }

    /** Jakarta Mail's protocol name for the TLS mode. */
    public String protocol() {
        return tls == TlsMode.SMTPS ? "smtps" : "smtp";
    }

    /** The Jakarta Mail session properties for the configured server. */
    public Properties sessionProperties() {
        String prefix = "mail." + protocol() + ".";
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", protocol());
        host.ifPresent(h -> properties.setProperty(prefix + "host", h));
        properties.setProperty(prefix + "port", Integer.toString(effectivePort()));
        properties.setProperty(prefix + "auth", Boolean.toString(user.isPresent()));
        properties.setProperty(prefix + "connectiontimeout", CONNECT_TIMEOUT_MS);
        properties.setProperty(prefix + "timeout", IO_TIMEOUT_MS);
        properties.setProperty(prefix + "writetimeout", IO_TIMEOUT_MS);
        switch (tls) {
            case STARTTLS -> {
                properties.setProperty(prefix + "starttls.enable", "true");
                properties.setProperty(prefix + "starttls.required", "true");
                properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case SMTPS -> {
                properties.setProperty(prefix + "ssl.enable", "true");
                properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case NONE -> properties.setProperty(prefix + "starttls.enable", "false");
        }
        return properties;
    }

    @Override
    public String toString() {
        return "MailSettings[" + (usesSmtp() ? protocol() + " " + tls : "pickup folder") + "]";
    }
}
