package org.waypoint.core.referral;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.shared.Page;

/** Where referrals are kept. */
public interface ReferralRepository {

    Optional<Referral> find(String id);

    void add(Referral referral);

    /** Deletes a referral with its timeline: only a discarded draft is ever removed. */
    void remove(Referral referral);

    /** The submitted referral with this reference. */
    Optional<Referral> findByReference(ReferralReference reference);

    /** Every referral of the client, drafts and ended ones too, oldest first. */
    List<Referral> forClient(String clientId);

    /** The client's referrals that are submitted and not yet ended, or still drafts. */
    List<Referral> unfinishedForClient(String clientId);

    /** Referrals made by one organisation, newest first. */
    List<Referral> madeBy(String organisationId);

    /** Submitted referrals to the services of one organisation, newest first. */
    List<Referral> sentTo(String organisationId);

    /**
     * A page of referrals matching {@code query}: made by {@code referringOrganisationId} if given,
     * else sent (submitted) to services of {@code providingOrganisationId}; if {@code clientIds} is
     * given, only those of these clients (the query's person, already found through the blind index:
     * the repository never sees a name), in the query's order.
     */
    Page<Referral> search(Optional<String> referringOrganisationId, Optional<String> providingOrganisationId,
                          ReferralQuery query, Optional<Collection<String>> clientIds, Instant now);

    /**
     * The dashboard's counts over the referrals made by {@code referringOrganisationId} if given, else
     * sent to services of {@code providingOrganisationId}, in one query: overdue means REQUESTED with an
     * acknowledge-by time before {@code now}; accepted this week, accepted at or after {@code weekStart}.
     */
    DashboardCounts counts(Optional<String> referringOrganisationId, Optional<String> providingOrganisationId,
                           Instant now, Instant weekStart);

    /** REQUESTED referrals whose acknowledge-by time is before {@code now}, most overdue first. */
    List<Referral> overdue(Instant now);

    /** Up to {@code limit} referrals whose reports' facts are yet to be derived ({@link Referral#measure}). */
    List<Referral> withoutFacts(int limit);

    /** How many referrals {@link #overdue} would answer, counted in the database. */
    long countOverdue(Instant now);
}
