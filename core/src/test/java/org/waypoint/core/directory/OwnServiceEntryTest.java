package org.waypoint.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waypoint.core.directory.MatchCriteriaBuilder.aPerson;
import static org.waypoint.core.directory.SupportServiceBuilder.aService;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.StaleVersionException;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;

/** Service staff keep their own services' entries, and nobody else's; each change is audited by field. */
class OwnServiceEntryTest {

    private final Organisation harbour = new Organisation("Harbour Support Trust", OrganisationKind.PROVIDER);
    private final Organisation lantern = new Organisation("Lantern Legal", OrganisationKind.PROVIDER);
    private final Actor staff = new Actor("u-staff", harbour.id(), Role.SERVICE_STAFF);
    private final Actor otherStaff = new Actor("u-lantern", lantern.id(), Role.SERVICE_STAFF);
    private final Actor caseworker = new Actor("u-cw", "police", Role.CASEWORKER);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemorySupportServiceRepository repository = new InMemorySupportServiceRepository();
    private final InMemory.AuditEvents trail = new InMemory.AuditEvents();
    private final InMemory.Events events = new InMemory.Events();
    private final DirectoryService directory = new DirectoryService(repository, null, events,
            new AuditTrail(trail, clock), clock);
    private final SupportService counselling = aService().named("Harbour Counselling").ownedBy(harbour).build();
    private final SupportService legal = aService().named("Lantern Legal Aid").ownedBy(lantern).build();

    OwnServiceEntryTest() {
        repository.add(counselling);
        repository.add(legal);
    }

    private ServiceEntry entry(Capacity capacity, int weeks) {
        return new ServiceEntry(capacity, weeks, counselling.description(), counselling.referralInbox().orElseThrow(), counselling.publicAddress());
    }

    @Test
    void staffSeeTheirOwnOrganisationsServicesOnly() {
        assertThat(directory.ownServices(staff)).containsExactly(counselling);
        assertThat(directory.ownService(staff, counselling.id())).isSameAs(counselling);
        assertThatThrownBy(() -> directory.ownService(staff, legal.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> directory.ownServices(caseworker)).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void staffPutTheirServiceOnAWaitingListAndMatchingSeesItOnceTheChangeIsCommitted() {
        assertThat(directory.match(aPerson().criteria(), false).matches()).hasSize(2);

        directory.updateOwnEntry(staff, counselling.id(), entry(Capacity.CLOSED, 0), OptionalLong.empty());

        assertThat(counselling.capacity()).isEqualTo(Capacity.CLOSED);
        assertThat(events.published).containsExactly(new DirectoryChanged(counselling.id()));
        directory.onDirectoryChanged(new DirectoryChanged(counselling.id()));
        assertThat(directory.match(aPerson().criteria(), false).matches()).extracting(m -> m.service().name())
                .containsExactly("Lantern Legal Aid");

        directory.updateOwnEntry(staff, counselling.id(), entry(Capacity.WAITING_LIST, 6), OptionalLong.empty());
        assertThat(counselling.waitWeeks()).hasValue(6);
    }

    @Test
    void theTrailSaysWhichFieldsChangedWhoChangedThemAndWhenButNotTheirValues() {
        directory.updateOwnEntry(staff, counselling.id(), new ServiceEntry(Capacity.WAITING_LIST, 6,
                "Counselling for adults, face to face.", new EmailAddress("intake@harbour.example.org"),
                Optional.of("1 Quay Street")), OptionalLong.empty());

        assertThat(trail.findByRecord(AuditTrail.SERVICE, counselling.id())).singleElement().satisfies(e -> {
            assertThat(e.detail()).isEqualTo("changed capacity,description,inbox,address");
            assertThat(e.actorUserId()).isEqualTo(staff.userId());
            assertThat(e.at()).isEqualTo(clock.instant());
            assertThat(e.action()).isEqualTo(AuditEvent.Action.UPDATE);
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        });
        assertThat(counselling.referralInbox().orElseThrow().value()).isEqualTo("intake@harbour.example.org");
        assertThat(counselling.publicAddress()).contains("1 Quay Street");
    }

    @Test
    void savingWithoutAChangeLeavesNoTraceAndTellsNobody() {
        directory.updateOwnEntry(staff, counselling.id(), entry(counselling.capacity(), 0), OptionalLong.empty());

        assertThat(trail.appended).isEmpty();
        assertThat(events.published).isEmpty();
    }

    @Test
    void anotherOrganisationsStaffAndCaseworkersAreRefusedAndTheAttemptIsAudited() {
        for (Actor outsider : new Actor[] {otherStaff, caseworker}) {
            assertThatThrownBy(() -> directory.updateOwnEntry(outsider, counselling.id(), entry(Capacity.CLOSED, 0),
                    OptionalLong.empty())).isInstanceOf(NotPermittedException.class);
        }

        assertThat(counselling.capacity()).isEqualTo(Capacity.OPEN);
        assertThat(trail.findByRecord(AuditTrail.SERVICE, counselling.id())).hasSize(2)
                .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.DENIED));
        assertThat(events.published).isEmpty();
    }

    @Test
    void anAbsurdWaitATooLongDescriptionAndAStaleFormAreRefused() {
        assertThatThrownBy(() -> directory.updateOwnEntry(staff, counselling.id(), entry(Capacity.WAITING_LIST, 500),
                OptionalLong.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.updateOwnEntry(staff, counselling.id(), entry(Capacity.WAITING_LIST, -2),
                OptionalLong.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.updateOwnEntry(staff, counselling.id(), new ServiceEntry(Capacity.OPEN, 0,
                "x".repeat(2001), counselling.referralInbox().orElseThrow(), Optional.empty()), OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.updateOwnEntry(staff, counselling.id(), entry(Capacity.CLOSED, 0),
                OptionalLong.of(counselling.version() + 1))).isInstanceOf(StaleVersionException.class);
    }
}
