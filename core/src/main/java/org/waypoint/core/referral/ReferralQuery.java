package org.waypoint.core.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.waypoint.core.client.NameAndDateOfBirth;
import org.waypoint.core.shared.Page;
import org.waypoint.core.shared.RuleViolation;

/**
 * Filters for a list of referrals, always within what the actor may see. Every filter given must
 * hold (they combine).
 *
 * @param counterpartOrganisationId the other side: for service staff the referring organisation, for
 *                                  caseworkers the organisation providing the service
 * @param overdueOnly only those not acknowledged by their due time
 * @param reference   a whole reference such as {@code WP-2026-000123}; anything else is refused
 * @param person      the person referred, found through the blind index only (caseworkers only)
 * @param from        sent on or after this day (London), or for a draft started on or after it
 * @param to          sent on or before this day (London), or for a draft started on or before it
 * @param updatedSince changed at or after this instant ({@link Referral#updatedAt()})
 * @param urgency     only referrals of this urgency
 * @param sort        the order of the list
 */
public record ReferralQuery(
        Optional<ReferralStatus> status,
        Optional<String> serviceId,
        Optional<String> counterpartOrganisationId,
        boolean overdueOnly,
        Optional<String> reference,
        Optional<NameAndDateOfBirth> person,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        Optional<Instant> updatedSince,
        Optional<Urgency> urgency,
        ReferralSort sort,
        int page,
        int size) {

    public ReferralQuery {
        status = status == null ? Optional.empty() : status;
        serviceId = serviceId == null ? Optional.empty() : serviceId;
        counterpartOrganisationId = counterpartOrganisationId == null ? Optional.empty() : counterpartOrganisationId;
        reference = reference == null ? Optional.empty() : reference.map(String::strip);
        reference.ifPresent(ReferralReference::new);
        person = person == null ? Optional.empty() : person;
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
        updatedSince = updatedSince == null ? Optional.empty() : updatedSince;
        urgency = urgency == null ? Optional.empty() : urgency;
        sort = sort == null ? ReferralSort.DUE : sort;
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new RuleViolation("error.dateRange.order", "the first day of a date range is after its last");
        }
        Page.requireValid(page, size);
    }

    public ReferralQuery(Optional<ReferralStatus> status, Optional<String> serviceId,
                         Optional<String> counterpartOrganisationId, boolean overdueOnly, Optional<String> reference,
                         int page, int size) {
        this(status, serviceId, counterpartOrganisationId, overdueOnly, reference, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), ReferralSort.DUE, page, size);
    }

    public static ReferralQuery all(int page, int size) {
        return new ReferralQuery(Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), page, size);
    }

    /** The same filters, for referrals of this person only. */
    public ReferralQuery forPerson(NameAndDateOfBirth who) {
        return new ReferralQuery(status, serviceId, counterpartOrganisationId, overdueOnly, reference, Optional.of(who),
                from, to, updatedSince, urgency, sort, page, size);
    }

    /** The same filters, for referrals sent (or drafts started) between these days, both included. */
    public ReferralQuery between(Optional<LocalDate> first, Optional<LocalDate> last) {
        return new ReferralQuery(status, serviceId, counterpartOrganisationId, overdueOnly, reference, person,
                first, last, updatedSince, urgency, sort, page, size);
    }

    /** The same filters, for referrals changed at or after this instant only, in this order. */
    public ReferralQuery changedSince(Optional<Instant> since, ReferralSort order) {
        return new ReferralQuery(status, serviceId, counterpartOrganisationId, overdueOnly, reference, person,
                from, to, since, urgency, order, page, size);
    }

    /** The same filters, for referrals of this urgency only (any when empty), in this order. */
    public ReferralQuery ofUrgency(Optional<Urgency> wanted, ReferralSort order) {
        return new ReferralQuery(status, serviceId, counterpartOrganisationId, overdueOnly, reference, person,
                from, to, updatedSince, wanted, order, page, size);
    }

    @Override
    public String toString() {
        return "ReferralQuery[page=" + page + ", size=" + size + "]";
    }
}
