package org.waypoint.bench.matching;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.waypoint.core.directory.DirectoryService;
import org.waypoint.core.directory.DirectorySnapshot;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.ServiceProfile;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.directory.persistence.JpaSupportServiceRepository;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.shared.persistence.Migrations;

/**
 * Taking a snapshot of the generated directory from a database, as every instance does after a
 * change: embedded Derby in memory, migrated by the application's scripts, read through the
 * application's persistence unit and repository. {@link #rebuild} is what the application does;
 * {@link #rebuildFromEntities} reads the same through the entities with all their lists, for
 * comparison; {@link #refreshAfterOneChange} brings a held snapshot up to date after a change to one
 * service. Each operation is one snapshot taken or brought up to date (SingleShotTime).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dderby.stream.error.file=target/derby.log"})
public class SnapshotRebuildBenchmark {

    private static final int CHUNK = 2000;

    @Param("50000")
    public int services;

    private EntityManagerFactory factory;

    @Setup(Level.Trial)
    public void fill() {
        String url = "jdbc:derby:memory:bench-" + UUID.randomUUID() + ";create=true";
        Flyway.configure().dataSource(url, "waypoint", "").placeholders(Migrations.placeholders(url))
                .locations("classpath:db/migration").load().migrate();
        factory = Persistence.createEntityManagerFactory("waypoint-bench", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "waypoint",
                "jakarta.persistence.jdbc.password", "",
                "jakarta.persistence.validation.mode", "NONE",
                "eclipselink.weaving", "false",
                "eclipselink.logging.level", "SEVERE",
                "eclipselink.jdbc.batch-writing", "JDBC"));
        GeneratedDirectory directory = new GeneratedDirectory(42);
        long started = System.nanoTime();
        for (int first = 0; first < services; first += CHUNK) {
            int from = first;
            int to = Math.min(services, first + CHUNK);
            inTransaction(em -> {
                Map<String, ServiceCategory> taxonomy = new LinkedHashMap<>();
                for (String code : MatchingBenchmark.CATEGORIES) {
                    taxonomy.put(code, em.find(ServiceCategory.class, code));
                }
                List<Organisation> organisations = directory.organisations(Math.max(1, (to - from) / 4));
                organisations.forEach(em::persist);
                for (int i = from; i < to; i++) {
                    SupportService service = directory.service(i, organisations, taxonomy);
                    em.persist(service);
                }
                return null;
            });
        }
        System.out.printf("%n%d services stored in %d ms%n", services, (System.nanoTime() - started) / 1_000_000);
    }

    @TearDown(Level.Trial)
    public void close() {
        factory.close();
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** What an instance does to take a new snapshot: the profiles in one query a list, then the snapshot's indexes. */
    @Benchmark
    public DirectorySnapshot rebuild() {
        return inTransaction(em -> new DirectorySnapshot(new JpaSupportServiceRepository(em).profiles()));
    }

    /**
     * What an instance holding a snapshot does once another has changed one service: reads that
     * service again and works the snapshot's indexes out afresh (the whole directory read takes
     * {@link #rebuild}). With the scheduler's one-second poll, this is how long a change takes to reach
     * every instance's matching.
     */
    @Benchmark
    @Warmup(iterations = 5)
    @Measurement(iterations = 20)
    public boolean refreshAfterOneChange(Changing changing) {
        return changing.directory.keepSnapshotCurrent();
    }

    /** An instance matching over the directory, and another instance changing one service at a time. */
    @State(Scope.Thread)
    public static class Changing {

        private EntityManager reads;
        private DirectoryService directory;
        private List<String> ids;
        private int changed;

        @Setup(Level.Trial)
        public void holdASnapshot(SnapshotRebuildBenchmark bench) {
            reads = bench.factory.createEntityManager();
            directory = new DirectoryService(new JpaSupportServiceRepository(reads), null, event -> { }, null,
                    Clock.systemUTC());
            directory.keepSnapshotCurrent();
            ids = bench.inTransaction(em -> em.createQuery("SELECT s.id FROM SupportService s", String.class)
                    .setMaxResults(1000).getResultList());
        }

        @Setup(Level.Invocation)
        public void anotherInstanceChangesOneService(SnapshotRebuildBenchmark bench) {
            String id = ids.get(changed++ % ids.size());
            bench.inTransaction(em -> {
                em.createNativeQuery("UPDATE support_service SET wait_weeks = ?1 WHERE id = ?2")
                        .setParameter(1, changed % 12).setParameter(2, id).executeUpdate();
                new JpaSupportServiceRepository(em).countChange(Optional.of(id));
                return null;
            });
        }

        @TearDown(Level.Trial)
        public void close() {
            reads.close();
        }
    }

    /** The same through the entities, each list batched: how the snapshot was taken before. */
    @Benchmark
    public DirectorySnapshot rebuildFromEntities() {
        return inTransaction(em -> new DirectorySnapshot(
                new JpaSupportServiceRepository(em).findAll().stream().map(ServiceProfile::of).toList()));
    }
}
