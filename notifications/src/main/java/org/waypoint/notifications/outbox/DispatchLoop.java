package org.waypoint.notifications.outbox;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Runs a dispatcher on an executor: every {@code poll} interval, and at once when woken (after a
 * transaction that queued mail commits). Runs never overlap; a wake during a run makes it go round
 * once more, and it goes round for as long as it finds work.
 */
public final class DispatchLoop {

    private static final Logger LOG = Logger.getLogger(DispatchLoop.class.getName());

    private final OutboxDispatcher dispatcher;
    private final ScheduledExecutorService executor;
    private final Duration poll;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile ScheduledFuture<?> schedule;
    private volatile boolean stopped;

    public DispatchLoop(OutboxDispatcher dispatcher, ScheduledExecutorService executor, Duration poll) {
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.poll = poll;
    }

    public void start() {
        schedule = executor.scheduleWithFixedDelay(this::runNow, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "Outbox dispatcher " + dispatcher.owner() + " started, polling every " + poll);
    }

    /**
     * Asks for a run as soon as possible. A request already pending is enough: the run that takes it
     * reads the outbox afresh, so under load most wakes cost one flag, not a task on the executor.
     */
    public void wake() {
        if (!stopped && !requested.getAndSet(true)) {
            executor.execute(this::runNow);
        }
    }

    /**
     * Starts no more runs, and waits up to {@code finish} for the one in progress: the batch it claimed
     * is then sent and recorded, so no lease is left for another instance to wait out.
     */
    public void stop(Duration finish) {
        stopped = true;
        ScheduledFuture<?> current = schedule;
        if (current != null) {
            current.cancel(false);
        }
        try {
            if (running.tryLock(finish.toMillis(), TimeUnit.MILLISECONDS)) {
                running.unlock();
            } else {
                LOG.warning(() -> "Outbox dispatcher " + dispatcher.owner() + " stopped in the middle of a batch: "
                        + "its messages go out once their lease runs out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runNow() {
        requested.set(true);
        while (!stopped && requested.get() && running.tryLock()) {
            try {
                while (!stopped && requested.getAndSet(false)) {
                    while (!stopped && dispatcher.dispatchOnce() > 0) {
                        requested.set(false);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "Outbox dispatch failed, retrying at the next poll: " + e.getClass().getName());
            } finally {
                running.unlock();
            }
        }
    }
}
