package org.waypoint.web.oruk;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.directory.AgeRange;
import org.waypoint.core.directory.DeliveryMode;
import org.waypoint.core.directory.DirectoryExport;
import org.waypoint.core.directory.DirectoryImport;
import org.waypoint.core.directory.Eligibility;
import org.waypoint.core.directory.ImportReport;
import org.waypoint.core.directory.OpeningTime;
import org.waypoint.core.directory.OrukSource;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.directory.persistence.JpaSupportServiceRepository;
import org.waypoint.core.directory.persistence.JpaTermMappingRepository;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.organisation.persistence.JpaOrganisationRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;
import org.waypoint.core.testing.TestDatabase;

/**
 * The round trip of issue 16: the directory exported as the administrator downloads it (the JSON
 * package of {@code /admin/oruk-export}, built by {@link OrukDocuments}) and imported into an empty
 * database is the same directory, service by service and field by field. Two real databases (Derby,
 * or two PostgreSQL schemas under the postgresql profile): the one exported from and an empty one
 * imported into. What only Waypoint keeps (inboxes,
 * capacity, notes, which ORUK has no place for) is left out by design: an imported service starts closed.
 */
class OrukRoundTripTest {

    private final Actor admin = new Actor("u-admin", "org-admin", Role.ADMIN);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T15:00:00Z"));
    private final TestDatabase exported = TestDatabase.fresh();
    private final TestDatabase empty = TestDatabase.another("empty");

    @AfterEach
    void close() {
        exported.close();
        empty.close();
    }

    @Test
    void theExportImportedIntoAnEmptyDatabaseIsTheSameDirectory() {
        exported.inTransaction(em -> {
            directory(em);
            return null;
        });
        byte[] download = exported.inTransaction(em -> OrukDocuments.exportPackage(OrukDocuments.inFull(
                new DirectoryExport(new JpaSupportServiceRepository(em), audit(em)).everything(admin))).toString()
                .getBytes(StandardCharsets.UTF_8));
        OrukSource source = new OrukSource(download.length);
        source.read(new ByteArrayInputStream(download));

        ImportReport report = empty.inTransaction(em -> new DirectoryImport(new JpaSupportServiceRepository(em),
                new JpaOrganisationRepository(em), new JpaTermMappingRepository(em), new InMemory.Events(), audit(em))
                .apply(admin, source));

        assertThat(report.problems()).isEmpty();
        assertThat(report.services()).extracting(ImportReport.Line::outcome).containsOnly(ImportReport.Outcome.NEW).hasSize(3);
        assertThat(services(empty)).isEqualTo(services(exported));
    }

    /** Three services between them using every field the export writes and the import reads. */
    private static void directory(EntityManager em) {
        JpaSupportServiceRepository services = new JpaSupportServiceRepository(em);
        JpaOrganisationRepository organisations = new JpaOrganisationRepository(em);
        Organisation harbour = new Organisation("Harbour Support Trust", OrganisationKind.PROVIDER);
        Organisation northshire = new Organisation("Northshire Rape Crisis", OrganisationKind.PROVIDER);
        organisations.add(harbour);
        organisations.add(northshire);

        SupportService isva = new SupportService(northshire, "Northshire ISVA", "Advisers for adults after rape.",
                List.of(services.category("ISVA").orElseThrow(), services.category("ADVOCACY").orElseThrow()),
                List.of("M14", "SK"), new EmailAddress("isva-referrals@northshire.example.org"));
        isva.eligibility(Eligibility.ANYONE.withAges(AgeRange.from(16)).withCrimeTypes(List.of(CrimeType.RAPE))
                .withGenders(List.of(Gender.FEMALE, Gender.NON_BINARY)).withRiskLevels(List.of(RiskLevel.HIGH)));
        isva.languages(List.of(LanguageCode.ENGLISH, new LanguageCode("ur")), true);
        isva.deliveryModes(List.of(DeliveryMode.IN_PERSON, DeliveryMode.TELEPHONE));
        isva.locatedAt("Willow House, 40 Mill Lane, Northshire M14 5RT");
        isva.openingTimes(List.of(OpeningTime.of(DayOfWeek.MONDAY, "09:00", "17:00"),
                OpeningTime.of(DayOfWeek.SATURDAY, "10:00", "13:30")));
        isva.waitingList(3);
        isva.capacityNote("Assessment calls on Tuesdays.");
        services.add(isva);

        SupportService counselling = new SupportService(harbour, "Harbour Counselling",
                "Counselling for young people after sexual abuse.", List.of(services.category("COUNSELLING").orElseThrow()),
                List.of("M"), new EmailAddress("intake@harbour.example.org"));
        counselling.eligibility(Eligibility.ANYONE.withAges(AgeRange.between(11, 17))
                .withCrimeTypes(List.of(CrimeType.GROOMING, CrimeType.CHILD_SEXUAL_ABUSE)));
        counselling.deliveryModes(List.of(DeliveryMode.VIDEO));
        services.add(counselling);

        SupportService housing = new SupportService(harbour, "Harbour Housing Advice", "Help to find a safe home.",
                List.of(services.category("HOUSING").orElseThrow()), List.of("OL", "BL1"),
                new EmailAddress("housing@harbour.example.org"));
        housing.eligibility(Eligibility.ANYONE.withAges(AgeRange.upTo(17)));
        housing.openingTimes(List.of(OpeningTime.of(DayOfWeek.WEDNESDAY, "08:30", "18:00")));
        services.add(housing);
    }

    /** Each service as both sides can compare it, in name order. */
    private static List<Compared> services(TestDatabase db) {
        return db.inTransaction(em -> new JpaSupportServiceRepository(em).findAll().stream().map(Compared::of).toList());
    }

    private AuditTrail audit(EntityManager em) {
        return new AuditTrail(new JpaAuditEventRepository(em), clock);
    }

    /** What the export writes of a service and the import reads back. */
    private record Compared(String id, String name, String description, String organisationId, String organisation,
                            List<String> needs, List<String> areas, Eligibility eligibility, List<LanguageCode> languages,
                            boolean interpreters, List<DeliveryMode> deliveryModes, String address,
                            Set<OpeningTime> openingTimes) {

        static Compared of(SupportService s) {
            return new Compared(s.id(), s.name(), s.description(), s.organisation().id(), s.organisation().name(),
                    s.categories().stream().map(c -> c.code()).toList(), s.postcodePrefixes(), s.eligibility(),
                    s.languages(), s.interpretersAvailable(), s.deliveryModes(), s.publicAddress().orElse(null),
                    Set.copyOf(s.openingTimes()));
        }
    }
}
