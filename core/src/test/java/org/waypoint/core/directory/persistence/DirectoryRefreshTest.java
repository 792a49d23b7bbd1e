package org.waypoint.core.directory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waypoint.core.directory.DirectoryService;
import org.waypoint.core.directory.MatchCriteria;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.ServiceProfile;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.directory.SupportServiceRepository;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.Postcode;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.testing.TestDatabase;

/**
 * Two instances sharing one database: one changes the directory (here straight in the database, as
 * another instance's transaction would leave it: the service and the directory's version in one
 * commit), and the other's matching, refreshed every second as the server's scheduler does it
 * (web's {@code SnapshotRefresher}), offers the change within two seconds without being told.
 */
class DirectoryRefreshTest {

    private static final Duration POLL = Duration.ofSeconds(1);

    private static final MatchCriteria PERSON = new MatchCriteria(Set.of("COUNSELLING"), new Postcode("M14"), 30,
            Gender.FEMALE, LanguageCode.ENGLISH, false, RiskLevel.STANDARD, Set.of(CrimeType.OTHER));

    private TestDatabase db;
    private ScheduledExecutorService scheduler;
    private DirectoryService thisInstance;
    private String serviceId;

    @BeforeEach
    void startAnInstance() {
        db = TestDatabase.fresh();
        serviceId = db.inTransaction(em -> {
            Organisation charity = new Organisation("Harbour Support Trust", OrganisationKind.PROVIDER);
            em.persist(charity);
            SupportService service = new SupportService(charity, "Harbour Counselling", "Counselling.",
                    List.of(em.find(ServiceCategory.class, "COUNSELLING")), List.of("M"),
                    new EmailAddress("referrals@harbour.example.org"));
            em.persist(service);
            return service.id();
        });
        thisInstance = new DirectoryService(new PerCallRepository(db), null, event -> { }, null, Clock.systemUTC());
        scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleWithFixedDelay(thisInstance::keepSnapshotCurrent, 0, POLL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        db.close();
    }

    private List<String> offered() {
        return thisInstance.match(PERSON, true).matches().stream().map(m -> m.service().name()).toList();
    }

    @Test
    void offersWhatAnotherInstanceChangedWithinTwoSeconds() throws Exception {
        assertThat(offered()).containsExactly("Harbour Counselling");

        long changedAt = anotherInstanceChanges("UPDATE support_service SET capacity = 'CLOSED' WHERE id = ?", Counted.AS_ONE_SERVICE);
        Duration seen = untilOffered(List.of(), changedAt);

        assertThat(seen).as("closed elsewhere, seen here after").isLessThan(Duration.ofSeconds(2));
        assertThat(thisInstance.match(PERSON, true).exclusions()).singleElement()
                .satisfies(e -> assertThat(e.service().id()).isEqualTo(serviceId));

        changedAt = anotherInstanceChanges("UPDATE support_service SET capacity = 'OPEN', name = 'Harbour Reopened' WHERE id = ?",
                Counted.AS_WHOLE_DIRECTORY);
        assertThat(untilOffered(List.of("Harbour Reopened"), changedAt)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aChangeThatDoesNotMoveTheVersionOnIsNotLookedForEverySecond() throws Exception {
        assertThat(offered()).containsExactly("Harbour Counselling");

        anotherInstanceChanges("UPDATE support_service SET capacity = 'CLOSED' WHERE id = ?", Counted.NOT);
        Thread.sleep(3 * POLL.toMillis());

        assertThat(offered()).as("the version row is what tells instances of a change").containsExactly("Harbour Counselling");
    }

    /** How another instance's change is counted: as a change to one service, as an import's, or (wrongly) not at all. */
    private enum Counted { AS_ONE_SERVICE, AS_WHOLE_DIRECTORY, NOT }

    /** Commits {@code update} of the service, with the directory's version moved on as {@code counted} says, and says when. */
    private long anotherInstanceChanges(String update, Counted counted) throws Exception {
        try (Connection connection = db.jdbc()) {
            connection.setAutoCommit(false);
            try (PreparedStatement change = connection.prepareStatement(update);
                 Statement version = connection.createStatement()) {
                change.setString(1, serviceId);
                assertThat(change.executeUpdate()).isEqualTo(1);
                if (counted != Counted.NOT) {
                    version.executeUpdate("UPDATE directory_version SET version = version + 1 WHERE id = 1");
                }
                if (counted == Counted.AS_ONE_SERVICE) {
                    try (PreparedStatement record = connection.prepareStatement("INSERT INTO directory_change (version, service_id)"
                            + " SELECT version, ? FROM directory_version WHERE id = 1")) {
                        record.setString(1, serviceId);
                        record.executeUpdate();
                    }
                }
            }
            connection.commit();
        }
        return System.nanoTime();
    }

    private Duration untilOffered(List<String> names, long since) throws InterruptedException {
        while (!offered().equals(names)) {
            if (System.nanoTime() - since > Duration.ofSeconds(10).toNanos()) {
                throw new AssertionError("still not offered " + names + " after 10 s: " + offered());
            }
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /** The JPA repository with an entity manager of its own for each call, as the container's transaction-scoped one behaves. */
    private record PerCallRepository(TestDatabase db) implements SupportServiceRepository {

        private <T> T withEntityManager(Function<JpaSupportServiceRepository, T> work) {
            EntityManager em = db.entityManager();
            try {
                return work.apply(new JpaSupportServiceRepository(em));
            } finally {
                em.close();
            }
        }

        @Override
        public List<ServiceProfile> profiles() {
            return withEntityManager(JpaSupportServiceRepository::profiles);
        }

        @Override
        public long directoryVersion() {
            return withEntityManager(JpaSupportServiceRepository::directoryVersion);
        }

        @Override
        public List<SupportService> findAll() {
            throw new UnsupportedOperationException("matching reads profiles only");
        }

        @Override
        public Optional<SupportService> find(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void add(SupportService service) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ServiceCategory> categories() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ServiceCategory> category(String code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Set<String>> servicesChanged(long after, long upTo) {
            return withEntityManager(repository -> repository.servicesChanged(after, upTo));
        }

        @Override
        public List<ServiceProfile> profiles(Collection<String> ids) {
            return withEntityManager(repository -> repository.profiles(ids));
        }

        @Override
        public void countChange(Optional<String> serviceId) {
            throw new UnsupportedOperationException("this instance changes nothing here");
        }
    }
}
