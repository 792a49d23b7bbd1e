package org.waypoint.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waypoint.core.directory.MatchCriteriaBuilder.aPerson;
import static org.waypoint.core.directory.SupportServiceBuilder.aService;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.RuleViolation;
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
        return ServiceEntry.of(counselling).withCapacity(capacity, weeks);
    }

    @Test
    void anImportedServiceWithoutAnInboxStaysClosedUntilAChangeGivesItOneAndOpensIt() {
        SupportService imported = SupportService.imported("0b6f4a52-8d0e-4a51-9d3f-1f3c2b7e9a10", harbour, "Harbour Drop-in",
                "Drop-in support.", counselling.categories(), List.of("M"));
        repository.add(imported);
        ServiceEntry unchanged = ServiceEntry.of(imported);
        assertThat(unchanged.referralInbox()).isEmpty();
        assertThatThrownBy(() -> unchanged.withCapacity(Capacity.OPEN, 0)).isInstanceOf(InvalidField.class);

        directory.updateOwnEntry(staff, imported.id(), unchanged.withContact("Drop-in support.",
                new EmailAddress("dropin@harbour.example.org"), Optional.empty()).withCapacity(Capacity.OPEN, 0),
                OptionalLong.empty());

        assertThat(imported.capacity()).isEqualTo(Capacity.OPEN);
        assertThat(imported.referralInbox()).contains(new EmailAddress("dropin@harbour.example.org"));
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
        directory.countChange(new DirectoryChanged(counselling.id()));
        directory.onDirectoryChanged(new DirectoryChanged(counselling.id()));
        assertThat(directory.match(aPerson().criteria(), false).matches()).extracting(m -> m.service().name())
                .containsExactly("Lantern Legal Aid");

        directory.updateOwnEntry(staff, counselling.id(), entry(Capacity.WAITING_LIST, 6), OptionalLong.empty());
        assertThat(counselling.waitWeeks()).hasValue(6);
    }

    @Test
    void theTrailSaysWhichFieldsChangedWhoChangedThemAndWhenButNotTheirValues() {
        directory.updateOwnEntry(staff, counselling.id(), entry(Capacity.WAITING_LIST, 6).withContact(
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
        assertThatThrownBy(() -> entry(Capacity.WAITING_LIST, 500)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> entry(Capacity.WAITING_LIST, -2)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> ServiceEntry.of(counselling).withContact("x".repeat(2001), counselling.referralInbox().orElseThrow(),
                Optional.empty())).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> directory.updateOwnEntry(staff, counselling.id(), entry(Capacity.CLOSED, 0),
                OptionalLong.of(counselling.version() + 1))).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void staffStateWhomTheyServeWhereWhenAndInWhichLanguagesAndTheTrailNamesOnlyWhatChanged() {
        clock.advance(Duration.ofHours(3));
        ServiceEntry entry = ServiceEntry.of(counselling)
                .withEligibility(new Eligibility(AgeRange.between(13, 25), Set.of(Gender.FEMALE),
                        Set.of(CrimeType.RAPE), Set.of()))
                .withAreas(List.of("m14", "SK"))
                .withOpeningTimes(List.of(OpeningTime.of(DayOfWeek.TUESDAY, "10:00", "16:00"),
                        OpeningTime.of(DayOfWeek.MONDAY, "09:00", "17:30")))
                .withLanguages(List.of(new LanguageCode("en"), new LanguageCode("ur")), true);

        directory.updateOwnEntry(staff, counselling.id(), entry, OptionalLong.empty());

        assertThat(counselling.eligibility().ages()).isEqualTo(AgeRange.between(13, 25));
        assertThat(counselling.eligibility().genders()).containsExactly(Gender.FEMALE);
        assertThat(counselling.postcodePrefixes()).containsExactly("M14", "SK");
        assertThat(counselling.openingTimes()).extracting(OpeningTime::toString)
                .containsExactly("MONDAY 09:00-17:30", "TUESDAY 10:00-16:00");
        assertThat(counselling.languages()).extracting(LanguageCode::value).containsExactly("en", "ur");
        assertThat(counselling.interpretersAvailable()).isTrue();
        assertThat(counselling.lastModified()).isEqualTo(clock.instant());
        assertThat(trail.findByRecord(AuditTrail.SERVICE, counselling.id())).singleElement()
                .satisfies(e -> assertThat(e.detail())
                        .isEqualTo("changed areas,ages,genders,crimeTypes,openingTimes,languages,interpreters"));
        assertThat(events.published).containsExactly(new DirectoryChanged(counselling.id()));
    }

    @Test
    void anAdministratorMayKeepTheEntryToo() {
        Actor admin = new Actor("u-admin", "waypoint", Role.ADMIN);

        directory.updateOwnEntry(admin, counselling.id(), ServiceEntry.of(counselling)
                .withOpeningTimes(List.of(OpeningTime.of(DayOfWeek.FRIDAY, "09:00", "12:00"))), OptionalLong.empty());

        assertThat(counselling.openingTimes()).hasSize(1);
        assertThat(trail.findByRecord(AuditTrail.SERVICE, counselling.id())).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("changed openingTimes"));
    }

    @Test
    void openingTimesAreasAndLanguagesAndLanguagesAreCheckedBeforeAnythingChanges() {
        ServiceEntry now = ServiceEntry.of(counselling);
        assertThatThrownBy(() -> OpeningTime.of(DayOfWeek.MONDAY, "17:00", "09:00"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("opens before it closes");
        assertThatThrownBy(() -> OpeningTime.of(DayOfWeek.MONDAY, "9am", "17:00"))
                .isInstanceOf(InvalidField.class).hasMessageContaining("24-hour clock");
        assertThatThrownBy(() -> now.withOpeningTimes(List.of(OpeningTime.of(DayOfWeek.MONDAY, "09:00", "10:00"),
                OpeningTime.of(DayOfWeek.MONDAY, "14:00", "15:00")))).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> now.withAreas(List.of())).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> now.withAreas(List.of("M14 5RT"))).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> now.withLanguages(List.of(), false)).isInstanceOf(InvalidField.class);
        assertThat(counselling.version()).isZero();
        assertThat(trail.appended).isEmpty();
    }
}
