package org.waypoint.web.http;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.crypto.FieldCipher;
import org.waypoint.core.shared.crypto.KeyRotationProgress;
import org.waypoint.core.shared.crypto.persistence.KeyRotation;
import org.waypoint.notifications.outbox.TransactionRunner;

/**
 * Runs the key rotation ({@link KeyRotation}) on this instance's managed executor: a batch per
 * transaction, a pause after each, until every table is done. Another instance holding the rotation's
 * lease makes this one stop; a rotation left by a stopped instance is carried on by the next start,
 * once its lease has run out.
 */
@ApplicationScoped
public class KeyRotationJob {

    private static final Logger LOG = Logger.getLogger(KeyRotationJob.class.getName());
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Resource
    ManagedExecutorService executor;

    @Inject
    TransactionRunner transactions;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "waypoint.crypto.rotation.batch-size")
    int batchSize;

    @Inject
    @ConfigProperty(name = "waypoint.crypto.rotation.pause")
    String pause;

    private final String owner = "rotation-" + UUID.randomUUID();
    private final AtomicBoolean running = new AtomicBoolean();
    /** A start asked for since the loop last looked: a start just as a loop ends is not lost. */
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean stopping;

    /** Starts (or carries on with) re-encrypting under the active key; audited. */
    public KeyRotationProgress start(Actor admin) {
        admin.requireRole(Role.ADMIN, "rotate the encryption keys");
        KeyRotation rotation = rotation();
        KeyRotationProgress progress = transactions.inTransaction(() -> {
            audit.success(admin, AuditTrail.KEYS, "rotation", AuditEvent.Action.UPDATE,
                    "re-encrypt under " + FieldCipher.current().activeKeyId());
            return rotation.start(em);
        });
        wanted.set(true);
        launch(rotation);
        return progress;
    }

    /** How far it has come, and how many values are still under another key. */
    public Status status(Actor admin) {
        admin.requireRole(Role.ADMIN, "see the key rotation");
        KeyRotation rotation = rotation();
        return transactions.inTransaction(() -> new Status(rotation.progress(em), rotation.valuesUnderOtherKeys(em)));
    }

    /** The rotation's progress and the values it has still to rewrite. */
    public record Status(KeyRotationProgress progress, long valuesUnderOtherKeys) {
    }

    private void launch(KeyRotation rotation) {
        if (running.compareAndSet(false, true)) {
            executor.submit(() -> run(rotation));
        }
    }

    private void run(KeyRotation rotation) {
        Duration wait = Duration.parse(pause);
        try {
            while (wanted.getAndSet(false) && !stopping) {
                KeyRotation.Step step;
                do {
                    step = transactions.inTransaction(() -> rotation.batch(em, owner));
                    if (step == KeyRotation.Step.MORE) {
                        Thread.sleep(wait.toMillis());
                    }
                } while (step == KeyRotation.Step.MORE && !stopping);
                LOG.info(() -> "Key rotation: " + step(rotation));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Messages of the cipher name key ids, never values.
            LOG.log(Level.WARNING, "Key rotation stopped; start it again to carry on", e);
        } finally {
            try {
                transactions.run(() -> rotation.release(em, owner));
            } finally {
                running.set(false);
            }
        }
        if (wanted.get() && !stopping) {
            launch(rotation);
        }
    }

    private String step(KeyRotation rotation) {
        KeyRotationProgress progress = transactions.inTransaction(() -> rotation.progress(em));
        return progress.finished() ? "finished, " + progress.rewritten() + " values re-encrypted"
                : "stopped at table " + progress.tablesDone() + " of " + progress.tables();
    }

    private KeyRotation rotation() {
        return new KeyRotation(FieldCipher.current(), clock, batchSize, LEASE);
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }
}
