package org.waypoint.notifications.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.waypoint.core.shared.config.BootSettings;
import org.waypoint.notifications.mail.MailGateway;
import org.waypoint.notifications.mail.MailSettings;
import org.waypoint.notifications.mail.MimeMessages;
import org.waypoint.notifications.mail.PickupFolder;
import org.waypoint.notifications.mail.SmtpGateway;
import org.waypoint.notifications.mail.TlsMode;
import org.waypoint.notifications.templates.Links;
import org.waypoint.notifications.templates.MailTemplates;

/**
 * The e-mail settings from MicroProfile Config ({@code waypoint.mail.*}, {@code waypoint.public-url};
 * the packaged defaults are in the application's {@code microprofile-config.properties}, the password
 * comes from the environment only), and the pieces made from them.
 */
@ApplicationScoped
public class MailConfiguration {

    private static final Logger LOG = Logger.getLogger(MailConfiguration.class.getName());

    private final MailSettings settings;
    private final Links links;
    private final MailTemplates templates;
    private final PickupFolder pickup;
    private final MailGateway gateway;

    @Inject
    public MailConfiguration(@ConfigProperty(name = "waypoint.mail.host") Optional<String> host,
                             @ConfigProperty(name = "waypoint.mail.port") Optional<Integer> port,
                             @ConfigProperty(name = "waypoint.mail.user") Optional<String> user,
                             @ConfigProperty(name = "waypoint.mail.password") Optional<String> password,
                             @ConfigProperty(name = "waypoint.mail.from") String from,
                             @ConfigProperty(name = "waypoint.mail.tls") String tls,
                             @ConfigProperty(name = "waypoint.public-url") String publicUrl) {
        this.settings = new MailSettings(host, port.map(OptionalInt::of).orElse(OptionalInt.empty()), user, password,
                from, TlsMode.parse(tls), URI.create(publicUrl));
        this.links = new Links(settings.publicUrl());
        this.templates = new MailTemplates();
        MimeMessages messages = new MimeMessages(settings.from(), links.host());
        this.pickup = new PickupFolder(BootSettings.current().dataDirectory().resolve("mail"), messages);
        this.gateway = settings.usesSmtp() ? new SmtpGateway(settings, messages) : pickup;
        LOG.info(() -> "E-mail goes to " + settings);
    }

    /** For CDI's proxy only. */
    protected MailConfiguration() {
        this.settings = null;
        this.links = null;
        this.templates = null;
        this.pickup = null;
        this.gateway = null;
    }

    @Produces
    MailSettings settings() {
        return settings;
    }

    @Produces
    Links links() {
        return links;
    }

    @Produces
    MailTemplates templates() {
        return templates;
    }

    /** Typed so that it is not a second {@link MailGateway}: only {@link #gateway()} is that. */
    @Produces
    @Typed(PickupFolder.class)
    PickupFolder pickupFolder() {
        return pickup;
    }

    @Produces
    MailGateway gateway() {
        return gateway;
    }
}
