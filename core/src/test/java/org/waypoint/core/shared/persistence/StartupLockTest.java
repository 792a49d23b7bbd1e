package org.waypoint.core.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waypoint.core.testing.TestDatabase;

/**
 * Two instances starting at once on one database (two connections here): the second waits for the
 * first's start-up work, on PostgreSQL; on embedded Derby, one process only, the work simply runs.
 */
class StartupLockTest {

    private static TestDatabase db;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void aSecondInstancesStartUpWorkWaitsForTheFirstsOnPostgresql() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection first = db.jdbc(); Connection second = db.jdbc()) {
            CountDownLatch firstInside = new CountDownLatch(1);
            CountDownLatch firstMayFinish = new CountDownLatch(1);
            AtomicBoolean secondRan = new AtomicBoolean();
            Future<?> one = threads.submit(() -> {
                StartupLock.around(first, () -> {
                    firstInside.countDown();
                    await(firstMayFinish);
                });
                return null;
            });
            assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> two = threads.submit(() -> {
                StartupLock.around(second, () -> secondRan.set(true));
                return null;
            });

            Thread.sleep(500);
            assertThat(secondRan.get()).as("while the first holds the lock")
                    .isEqualTo(!TestDatabase.isPostgres());
            firstMayFinish.countDown();
            one.get(10, TimeUnit.SECONDS);
            two.get(10, TimeUnit.SECONDS);
            assertThat(secondRan.get()).as("once the first has finished").isTrue();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theLockIsLetGoWhenTheWorkFails() throws Exception {
        try (Connection first = db.jdbc(); Connection second = db.jdbc()) {
            try {
                StartupLock.around(first, () -> {
                    throw new IllegalStateException("a migration failed");
                });
            } catch (IllegalStateException expected) {
                // the deployment fails; the lock must not outlive it on a pooled connection
            }
            AtomicBoolean ran = new AtomicBoolean();
            Future<?> next = Executors.newSingleThreadExecutor().submit(() -> {
                StartupLock.around(second, () -> ran.set(true));
                return null;
            });
            next.get(10, TimeUnit.SECONDS);
            assertThat(ran.get()).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
