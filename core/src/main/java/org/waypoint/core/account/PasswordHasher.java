package org.waypoint.core.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.InvalidField;

/**
 * Hashes passwords with PBKDF2-HMAC-SHA256 at the 600,000 iterations OWASP asks for; Soteria's
 * default of 2,048 is far too few. Each stored hash carries its own parameters.
 */
@ApplicationScoped
public class PasswordHasher {

    static final int ITERATIONS = 600_000;
    static final int MIN_LENGTH = 12;
    private static final int MAX_LENGTH = 128;

    /** At most this many hashes at once (each takes about 170 ms of a core), so sign-ins cannot starve the server. */
    private static final Semaphore CONCURRENT = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    private final Pbkdf2PasswordHash pbkdf2;
    private volatile String decoy;

    @Inject
    public PasswordHasher(Pbkdf2PasswordHash pbkdf2) {
        this.pbkdf2 = pbkdf2;
    }

    /** For CDI's proxy only. */
    protected PasswordHasher() {
        this.pbkdf2 = null;
    }

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String hash(char[] password) {
        if (password == null || password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
            throw new InvalidField("password", "error.password.length",
                    "a password has between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters", MIN_LENGTH, MAX_LENGTH);
        }
        return throttled(() -> pbkdf2.generate(password));
    }

    public boolean matches(char[] password, String storedHash) {
        return password != null && throttled(() -> pbkdf2.verify(password, storedHash));
    }

    /** A hash of nothing in particular, to verify against when there is no account, so timing tells nothing. */
    String decoy() {
        if (decoy == null) {
            decoy = hash("no account has this password".toCharArray());
        }
        return decoy;
    }

    private static <T> T throttled(Supplier<T> work) {
        try {
            if (!CONCURRENT.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new ConflictException("error.signIn.busy", "too many sign-ins at once; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to check a password", e);
        }
        try {
            return work.get();
        } finally {
            CONCURRENT.release();
        }
    }
}
