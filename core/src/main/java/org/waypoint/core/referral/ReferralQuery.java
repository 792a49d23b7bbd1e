package org.waypoint.core.referral;

import java.util.Optional;
import org.waypoint.core.shared.Page;

/**
 * Filters for a list of referrals, always within what the actor may see.
 *
 * @param counterpartOrganisationId the other side: for service staff the referring organisation, for
 *                                  caseworkers the organisation providing the service
 * @param overdueOnly only those not acknowledged by their due time
 */
public record ReferralQuery(
        Optional<ReferralStatus> status,
        Optional<String> serviceId,
        Optional<String> counterpartOrganisationId,
        boolean overdueOnly,
        Optional<String> reference,
        int page,
        int size) {

    public ReferralQuery {
        status = status == null ? Optional.empty() : status;
        serviceId = serviceId == null ? Optional.empty() : serviceId;
        counterpartOrganisationId = counterpartOrganisationId == null ? Optional.empty() : counterpartOrganisationId;
        reference = reference == null ? Optional.empty() : reference.map(String::strip);
        reference.ifPresent(ReferralReference::new);
        Page.requireValid(page, size);
    }

    public static ReferralQuery all(int page, int size) {
        return new ReferralQuery(Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), page, size);
    }
}
