package org.waypoint.core.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.persistence.JpaAuditArchives;
import org.waypoint.core.audit.persistence.JpaAuditChains;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.persistence.JpaJobLease;
import org.waypoint.core.testing.TestDatabase;

/**
 * How fast a full audit archive run goes: 50,000 due events over the eight chains written to one file
 * and deleted, 500 a transaction. Not a test (its name does not end in Test); run it with
 * {@code ./mvnw -q -pl core -am test -Dtest=AuditArchiveMeasure -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AuditArchiveMeasure {

    private static final int EVENTS = AuditArchive.MAX_EVENTS;
    private static final Actor ANNA = new Actor("c0000000-0000-0000-0000-000000000001", "org-police", Role.CASEWORKER);

    @Test
    void measure() throws Exception {
        Path folder = Files.createTempDirectory("audit-archive-measure");
        Clock old = Clock.fixed(Instant.parse("2026-01-01T09:00:00Z"), ZoneOffset.UTC);
        Clock now = Clock.fixed(Instant.parse("2034-06-01T10:00:00Z"), ZoneOffset.UTC);
        try (TestDatabase db = TestDatabase.fresh()) {
            AtomicInteger next = new AtomicInteger();
            for (int done = 0; done < EVENTS; done += 1000) {
                db.inTransaction(em -> {
                    AuditTrail trail = new AuditTrail(new JpaAuditEventRepository(em, () -> next.getAndIncrement() % 8), old);
                    for (int i = 0; i < 1000; i++) {
                        trail.success(ANNA, AuditTrail.REFERRAL, "referral-" + i, AuditEvent.Action.READ, "get");
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            AuditArchive.Counts counts = AuditArchive.runOnce(new AuditArchive.Transactions() {
                @Override
                public <T> T apply(java.util.function.Function<AuditArchive, T> step) {
                    return db.inTransaction(em -> step.apply(new AuditArchive(new JpaAuditArchives(em), new JpaAuditChains(em),
                            new JpaJobLease(em), new AuditTrail(new JpaAuditEventRepository(em), now), now, Period.ofYears(7),
                            folder)));
                }
            }, "measure", 500).orElseThrow();
            double seconds = (System.nanoTime() - start) / 1e9;
            long bytes;
            try (var files = Files.list(folder)) {
                bytes = files.mapToLong(f -> f.toFile().length()).sum();
            }
            System.out.printf("%s: %d events archived, %d deleted in %.1f s (%.0f events/s), file %d bytes%n",
                    TestDatabase.isPostgres() ? "PostgreSQL" : "Derby", counts.archived(), counts.deleted(), seconds,
                    counts.deleted() / seconds, bytes);
        }
    }
}
