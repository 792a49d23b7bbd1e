package org.waypoint.core.audit;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.Page;
import org.waypoint.core.testing.TestDatabase;

/**
 * A measurement, not a test (Surefire's default patterns leave it out): the time of a transaction that
 * writes one audit event, chained as the application writes it and as a plain insert (as before V27),
 * {@code -Dn} of each (5,000 by default) after as many to warm up, one thread. Run it on demand:
 * {@code ./mvnw -q -pl core -am test -Dtest=AuditWriteCostMeasure -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AuditWriteCostMeasure {

    private static final Actor ANNA = new Actor("c0000000-0000-0000-0000-000000000001", "org-police", Role.CASEWORKER);

    @Test
    void measure() {
        int n = Integer.getInteger("n", 5000);
        try (TestDatabase db = TestDatabase.fresh()) {
            for (int round = 0; round < 2; round++) {
                long plain = time(db, n, false);
                long chained = time(db, n, true);
                System.out.printf("%s round %d: plain %.1f us/write, chained %.1f us/write (%d each)%n",
                        TestDatabase.isPostgres() ? "PostgreSQL" : "Derby", round, plain / 1000.0 / n, chained / 1000.0 / n, n);
            }
        }
    }

    private static long time(TestDatabase db, int n, boolean chained) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String recordId = "r" + i;
            db.inTransaction(em -> {
                AuditEventRepository events = chained ? new JpaAuditEventRepository(em) : new AuditEventRepository() {
                    @Override
                    public void append(AuditEvent event) {
                        em.persist(event);
                    }

                    @Override
                    public List<AuditEvent> findByRecord(String recordType, String recordId) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Page<AuditEvent> search(AuditQuery query) {
                        throw new UnsupportedOperationException();
                    }
                };
                new AuditTrail(events, Clock.systemUTC()).success(ANNA, AuditTrail.CLIENT, recordId, AuditEvent.Action.READ, "get");
                return null;
            });
        }
        return System.nanoTime() - start;
    }
}
