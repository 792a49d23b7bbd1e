package org.waypoint.notifications.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.waypoint.notifications.mail.MailGateway;

/** E-mail: one connection to the mail gateway for the batch, the messages sent over it one by one. */
final class MailCourier implements Courier {

    private static final Logger LOG = Logger.getLogger(MailCourier.class.getName());

    private final MailGateway gateway;

    MailCourier(MailGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public boolean deliversWebhooks() {
        return false;
    }

    @Override
    public Map<String, Exception> deliver(List<OutgoingMail> batch, Consumer<String> accepted) {
        Map<String, Exception> failures = new HashMap<>();
        MailGateway.Connection connection;
        try {
            connection = gateway.open();
        } catch (Exception unreachable) {
            LOG.warning(() -> "Mail server unreachable; " + batch.size() + " due messages wait for a retry: "
                    + DeliveryErrors.describe(unreachable));
            batch.forEach(mail -> failures.put(mail.id(), unreachable));
            return failures;
        }
        try (connection) {
            for (OutgoingMail mail : batch) {
                try {
                    connection.send(mail);
                } catch (Exception failure) {
                    failures.put(mail.id(), failure);
                    continue;
                }
                accepted.accept(mail.id());
            }
        }
        return failures;
    }
}
