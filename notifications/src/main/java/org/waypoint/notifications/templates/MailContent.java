package org.waypoint.notifications.templates;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.referral.Urgency;

/**
 * Everything an e-mail may say, and nothing more: the referral's reference, the service's name,
 * the urgency, the due time, a sign-in link, and for a change of status the new status and the
 * organisation that made it. There is deliberately no field for anything about the person, the
 * crime, the risk or what anybody typed (a reason included).
 */
public record MailContent(String reference, String serviceName, Optional<Urgency> urgency, Optional<Instant> dueBy,
                          URI link, Optional<ReferralStatus> newStatus, Optional<String> changedBy) {

    public MailContent(String reference, String serviceName, Optional<Urgency> urgency, Optional<Instant> dueBy,
                       URI link) {
        this(reference, serviceName, urgency, dueBy, link, Optional.empty(), Optional.empty());
    }

    public MailContent {
        Objects.requireNonNull(reference, "an e-mail names the referral by its reference");
        Objects.requireNonNull(serviceName, "an e-mail names the service");
        Objects.requireNonNull(urgency, "urgency is optional, not null");
        Objects.requireNonNull(dueBy, "the due time is optional, not null");
        Objects.requireNonNull(link, "an e-mail carries a sign-in link");
        Objects.requireNonNull(newStatus, "the new status is optional, not null");
        Objects.requireNonNull(changedBy, "who changed it is optional, not null");
    }

    @Override
    public String toString() {
        return "MailContent[" + reference + "]";
    }
}
