package org.waypoint.core.directory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waypoint.core.directory.AgeRange;
import org.waypoint.core.directory.DeliveryMode;
import org.waypoint.core.directory.Eligibility;
import org.waypoint.core.directory.OpeningTime;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.ServiceProfile;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.testing.TestDatabase;

/**
 * Reading the whole directory from a real database: the same however it is read, and in a number of
 * statements that does not grow with the number of services or organisations.
 */
class JpaSupportServiceRepositoryTest {

    private static final int SERVICES = 600;
    private static final int ORGANISATIONS = 150;
    private static final List<String> CATEGORIES = List.of("COUNSELLING", "ISVA", "THERAPY", "HOUSING", "LEGAL_AID");

    private static TestDatabase db;

    @BeforeAll
    static void fillTheDirectory() {
        db = TestDatabase.fresh();
        Random random = new Random(17);
        db.inTransaction(em -> {
            List<Organisation> organisations = new ArrayList<>();
            for (int i = 0; i < ORGANISATIONS; i++) {
                Organisation organisation = new Organisation("Trust " + i, OrganisationKind.PROVIDER);
                em.persist(organisation);
                organisations.add(organisation);
            }
            List<ServiceCategory> taxonomy = CATEGORIES.stream().map(code -> em.find(ServiceCategory.class, code)).toList();
            for (int i = 0; i < SERVICES; i++) {
                SupportService service = new SupportService(organisations.get(random.nextInt(ORGANISATIONS)),
                        "Service " + random.nextInt(100), "Described.", taxonomy.subList(i % 3, 1 + i % 3 + i % 2),
                        List.of("M" + (1 + random.nextInt(20)), "OL"), new EmailAddress("inbox@example.org"));
                if (i % 3 == 0) {
                    service.eligibility(Eligibility.ANYONE.withAges(AgeRange.between(0, 17))
                            .withGenders(List.of(Gender.FEMALE)).withRiskLevels(List.of(RiskLevel.HIGH))
                            .withCrimeTypes(List.of(CrimeType.GROOMING, CrimeType.RAPE)));
                } else if (i % 3 == 1) {
                    service.eligibility(Eligibility.ANYONE.withAges(AgeRange.from(18)));
                }
                if (i % 5 == 0) {
                    service.languages(List.of(LanguageCode.ENGLISH, new LanguageCode("pl")), true);
                    service.deliveryModes(List.of(DeliveryMode.values()));
                    service.waitingList(1 + i % 10);
                    service.capacityNote("Assessed on Tuesdays.");
                } else if (i % 5 == 1) {
                    service.close();
                    service.atConfidentialLocation();
                } else if (i % 5 == 2) {
                    service.locatedAt("1 High Street, Manchester");
                    service.openingTimes(List.of(OpeningTime.of(DayOfWeek.MONDAY, "09:00", "17:30"),
                            OpeningTime.of(DayOfWeek.SATURDAY, "10:00", "12:00")));
                }
                em.persist(service);
            }
            return null;
        });
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void readsTheProfilesMatchingNeedsAsTheEntitiesWouldGiveThem() {
        EntityManager em = db.entityManager();
        try {
            JpaSupportServiceRepository repository = new JpaSupportServiceRepository(em);
            List<ServiceProfile> fromEntities = repository.findAll().stream().map(ServiceProfile::of).toList();
            em.clear();

            List<ServiceProfile> profiles = new ArrayList<>(repository.profiles());
            profiles.sort(Comparator.comparing(ServiceProfile::name).thenComparing(ServiceProfile::id));

            assertThat(fromEntities).hasSize(SERVICES);
            assertThat(profiles).isEqualTo(fromEntities);
        } finally {
            em.close();
        }
    }

    @Test
    void keepsOpeningTimesAndTheTimeOfTheLastChangeToTheMillisecond() {
        Instant changed = Instant.parse("2026-11-30T17:45:12.345678Z");
        String id = db.inTransaction(em -> {
            SupportService service = new JpaSupportServiceRepository(em).findAll().get(0);
            service.openingTimes(List.of(OpeningTime.of(DayOfWeek.THURSDAY, "17:00", "21:00"),
                    OpeningTime.of(DayOfWeek.MONDAY, "09:00", "17:00")));
            service.waitingList(4);
            service.eligibility(Eligibility.ANYONE.withAges(AgeRange.from(16)).withGenders(List.of(Gender.FEMALE, Gender.NON_BINARY))
                    .withCrimeTypes(List.of(CrimeType.RAPE)));
            service.languages(List.of(LanguageCode.ENGLISH, new LanguageCode("cy")), true);
            service.modifiedAt(changed);
            return service.id();
        });
        EntityManager em = db.entityManager();
        try {
            SupportService read = new JpaSupportServiceRepository(em).find(id).orElseThrow();
            assertThat(read.openingTimes()).extracting(OpeningTime::toString).containsExactly("MONDAY 09:00-17:00", "THURSDAY 17:00-21:00");
            assertThat(read.lastModified()).isEqualTo(Instant.parse("2026-11-30T17:45:12.345Z"));
            assertThat(read.version()).isEqualTo(2);
            assertThat(new JpaSupportServiceRepository(em).findAll()).filteredOn(s -> !s.openingTimes().isEmpty())
                    .hasSizeGreaterThanOrEqualTo(SERVICES / 5);
        } finally {
            em.close();
        }
    }

    @Test
    void theAuditTrailTakesTheNamesOfEveryFieldOfAnEntryChangedAtOnce() throws Exception {
        String detail = "changed capacity,description,inbox,areas,address,ages,genders,crimeTypes,riskLevels,"
                + "openingTimes,languages,interpreters";
        try (Connection connection = db.jdbc(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO audit_event (id, occurred_at, actor_user_id, actor_org_id, record_type, record_id,"
                    + " action, detail, outcome) VALUES ('a1', CURRENT_TIMESTAMP, 'u', 'o', 'SERVICE', 's', 'UPDATE', '"
                    + detail + "', 'SUCCESS')");
        }
    }

    @Test
    void readsTheWholeDirectoryInAFewStatementsNotOneAServiceOrOrganisation() {
        EntityManager em = db.entityManager();
        try {
            AtomicInteger statements = countStatements(em);
            JpaSupportServiceRepository repository = new JpaSupportServiceRepository(em);

            repository.profiles();
            assertThat(statements.getAndSet(0)).as("statements reading the profiles").isEqualTo(8);

            List<SupportService> all = repository.findAll();
            all.forEach(s -> ServiceProfile.of(s));
            assertThat(statements.get()).as("statements reading the entities with all their lists").isLessThanOrEqualTo(8);
        } finally {
            em.close();
        }
    }

    @Test
    void readsEveryServicesOpeningTimesInOneStatementAsEachServiceHasThem() {
        EntityManager em = db.entityManager();
        try {
            AtomicInteger statements = countStatements(em);
            Map<String, List<OpeningTime>> times = new JpaSupportServiceRepository(em).openingTimes();
            assertThat(statements.get()).isEqualTo(1);

            List<SupportService> all = new JpaSupportServiceRepository(em).findAll();
            assertThat(times.keySet()).as("services that state opening times").hasSizeGreaterThan(10);
            for (SupportService service : all) {
                assertThat(times.getOrDefault(service.id(), List.of())).extracting(OpeningTime::toString)
                        .containsExactlyElementsOf(service.openingTimes().stream().map(OpeningTime::toString).toList());
            }
        } finally {
            em.close();
        }
    }

    @Test
    void movesTheDirectoryVersionOnInTheTransactionOfTheChange() throws Exception {
        long before = read(em -> new JpaSupportServiceRepository(em).directoryVersion());

        db.inTransaction(em -> {
            new JpaSupportServiceRepository(em).countChange(Optional.empty());
            return null;
        });
        try {
            db.inTransaction(em -> {
                new JpaSupportServiceRepository(em).countChange(Optional.empty());
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException rolledBack) {
            // the second change never happened
        }

        assertThat(read(em -> new JpaSupportServiceRepository(em).directoryVersion())).isEqualTo(before + 1);
        try (Connection connection = db.jdbc(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE directory_version SET version = version + 5");
        }
        assertThat(read(em -> new JpaSupportServiceRepository(em).directoryVersion())).isEqualTo(before + 6);
    }

    @Test
    void namesTheServicesChangedSinceAVersionWhenEveryChangeSinceWasToOneService() {
        List<String> ids = inSession(em -> new JpaSupportServiceRepository(em).profiles()).stream()
                .map(ServiceProfile::id).sorted().toList();
        long start = read(em -> new JpaSupportServiceRepository(em).directoryVersion());
        for (String id : List.of(ids.get(0), ids.get(1), ids.get(0))) {
            db.inTransaction(em -> {
                new JpaSupportServiceRepository(em).countChange(Optional.of(id));
                return null;
            });
        }

        assertThat(changedSince(start, start + 3))
                .contains(Set.of(ids.get(0), ids.get(1)));
        assertThat(changedSince(start + 2, start + 3))
                .contains(Set.of(ids.get(0)));
        List<ServiceProfile> one = inSession(em -> new JpaSupportServiceRepository(em).profiles(Set.of(ids.get(1))));
        List<ServiceProfile> all = inSession(em -> new JpaSupportServiceRepository(em).profiles());
        assertThat(one).as("one service's profile, as the whole read gives it")
                .containsExactlyElementsOf(all.stream().filter(p -> p.id().equals(ids.get(1))).toList());

        db.inTransaction(em -> {
            new JpaSupportServiceRepository(em).countChange(Optional.empty());
            return null;
        });
        assertThat(changedSince(start, start + 4))
                .as("a change to the whole directory is not one service's").isEmpty();
        assertThat(changedSince(start - 1, start + 3))
                .as("a change from before the record").isEmpty();
    }

    private static Optional<Set<String>> changedSince(long after, long upTo) {
        return inSession(em -> new JpaSupportServiceRepository(em).servicesChanged(after, upTo));
    }

    private static long read(java.util.function.Function<EntityManager, Long> query) {
        return inSession(query);
    }

    private static <T> T inSession(java.util.function.Function<EntityManager, T> query) {
        EntityManager em = db.entityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }

    /** Counts every SQL statement the entity manager's session sends from now on. */
    private static AtomicInteger countStatements(EntityManager em) {
        AtomicInteger count = new AtomicInteger();
        em.unwrap(JpaEntityManager.class).getServerSession().getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void postExecuteCall(SessionEvent event) {
                count.incrementAndGet();
            }
        });
        return count;
    }
}
