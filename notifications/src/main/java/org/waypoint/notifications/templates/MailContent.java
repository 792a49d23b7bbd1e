package org.waypoint.notifications.templates;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.waypoint.core.referral.Urgency;

/**
 * Everything an e-mail may say, and nothing more: the referral's reference, the service's name,
 * the urgency, the due time and a sign-in link. There is deliberately no field for anything about
 * the person, the crime, the risk or what anybody typed.
 */
public record MailContent(String reference, String serviceName, Optional<Urgency> urgency, Optional<Instant> dueBy,
                          URI link) {

    public MailContent {
        Objects.requireNonNull(reference, "an e-mail names the referral by its reference");
        Objects.requireNonNull(serviceName, "an e-mail names the service");
        Objects.requireNonNull(urgency, "urgency is optional, not null");
        Objects.requireNonNull(dueBy, "the due time is optional, not null");
        Objects.requireNonNull(link, "an e-mail carries a sign-in link");
    }

    @Override
    public String toString() {
        return "MailContent[" + reference + "]";
    }
}
