package org.waypoint.core.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.waypoint.core.account.Role;
import org.waypoint.core.calendar.WorkingCalendar;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.RiskLevel;

/**
 * A small world for referral tests: a police unit that refers, a charity whose counselling service
 * receives, another referrer and another provider who must see nothing, and builders for clients
 * and referrals in any state.
 */
final class World {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final WorkingCalendar CALENDAR = new WorkingCalendar(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));

    final Organisation police = new Organisation("Victim Care Unit", OrganisationKind.REFERRER);
    final Organisation charity = new Organisation("Harbour Support Trust", OrganisationKind.PROVIDER);
    final Organisation otherReferrer = new Organisation("Another Council", OrganisationKind.REFERRER);
    final Organisation otherProvider = new Organisation("Another Charity", OrganisationKind.PROVIDER);

    final Actor caseworker = new Actor("u-caseworker", police.id(), Role.CASEWORKER);
    final Actor staff = new Actor("u-staff", charity.id(), Role.SERVICE_STAFF);
    final Actor otherCaseworker = new Actor("u-other-cw", otherReferrer.id(), Role.CASEWORKER);
    final Actor otherStaff = new Actor("u-other-staff", otherProvider.id(), Role.SERVICE_STAFF);
    final Actor admin = new Actor("u-admin", police.id(), Role.ADMIN);

    final ServiceCategory counselling = new ServiceCategory("COUNSELLING", "Counselling");
    final SupportService service = new SupportService(charity, "Harbour Counselling", "Counselling.",
            List.of(counselling), List.of("M"), new EmailAddress("referrals@harbour.example.org"));
    final SupportService otherService = new SupportService(charity, "Harbour Therapy", "Therapy.",
            List.of(counselling), List.of("M"), new EmailAddress("therapy@harbour.example.org"));

    private int referenceNumber;

    static ClientDetails adult() {
        return person(LocalDate.of(1990, 5, 17));
    }

    static ClientDetails child() {
        return person(LocalDate.of(2012, 3, 1));
    }

    static ClientDetails person(LocalDate dateOfBirth) {
        return new ClientDetails("Alex", "Example", dateOfBirth, Gender.NOT_SAID, "en", false, Optional.empty(),
                Optional.of("M14 5RT"), ContactDetails.none(), SafeContact.mostCareful(), Optional.empty());
    }

    Client client(ClientDetails details) {
        return new Client(police.id(), details, "dup-key", caseworker.userId(), NOW);
    }

    static NeedsAssessment needs(CrimeType... crimes) {
        return new NeedsAssessment(Set.of("COUNSELLING"), Set.of(crimes), RiskLevel.MEDIUM, Urgency.ROUTINE, false,
                Optional.empty(), Optional.empty());
    }

    static Consent consent(ConsentBasis basis) {
        return Consent.given(basis, true, true, ConsentMethod.IN_PERSON, NOW, "u-caseworker");
    }

    /** A draft for an adult, for a sexual assault, with the person's explicit consent. */
    Referral draft() {
        Referral referral = Referral.draft(caseworker, client(adult()), service, needs(CrimeType.SEXUAL_ASSAULT), NOW);
        referral.recordConsent(caseworker, consent(ConsentBasis.GIVEN_BY_PERSON), NOW);
        return referral;
    }

    void submit(Referral referral) {
        referral.submit(caseworker, () -> ReferralReference.of(2026, ++referenceNumber), CALENDAR, NOW);
    }

    /** A referral brought to {@code status} along the lifecycle's shortest path. */
    Referral in(ReferralStatus status) {
        Referral referral = draft();
        switch (status) {
            case DRAFT -> { }
            case ENTERED_IN_ERROR -> referral.markEnteredInError(caseworker, "made twice", NOW);
            default -> {
                submit(referral);
                advance(referral, status);
            }
        }
        referral.pullEvents();
        return referral;
    }

    private void advance(Referral referral, ReferralStatus status) {
        switch (status) {
            case REQUESTED -> { }
            case CANCELLED -> referral.cancel(caseworker, "no longer needed", NOW);
            case RECEIVED -> referral.open(staff, NOW);
            case REJECTED -> {
                referral.open(staff, NOW);
                referral.reject(staff, "outside our remit", EndReason.NOT_ELIGIBLE, NOW);
            }
            case ACCEPTED -> {
                referral.open(staff, NOW);
                referral.accept(staff, NOW);
            }
            case IN_PROGRESS, ON_HOLD, COMPLETED, FAILED -> {
                referral.open(staff, NOW);
                referral.accept(staff, NOW);
                referral.start(staff, NOW);
                switch (status) {
                    case ON_HOLD -> referral.hold(staff, "person in hospital", NOW);
                    case COMPLETED -> referral.complete(staff, NOW);
                    case FAILED -> referral.fail(staff, "could not make contact", EndReason.UNABLE_TO_CONTACT, NOW);
                    default -> { }
                }
            }
            default -> throw new IllegalArgumentException(status.name());
        }
    }
}
