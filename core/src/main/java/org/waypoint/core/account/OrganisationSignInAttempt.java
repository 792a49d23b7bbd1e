package org.waypoint.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A browser gone to its organisation's identity provider to sign in, until it comes back: what the
 * coming back is checked against (the nonce, the PKCE verifier), keyed by the SHA-256 of the state and
 * bound to the browser by the SHA-256 of a cookie's secret. Used once, and worth nothing after
 * {@link #VALIDITY}.
 */
@Entity
@Table(name = "organisation_sign_in")
public class OrganisationSignInAttempt {

    /** How long a browser may take at its provider. */
    public static final Duration VALIDITY = Duration.ofMinutes(10);

    @Id
    @Column(name = "state_hash", length = 64)
    private String stateHash;

    @Column(name = "browser_hash", nullable = false, length = 64)
    private String browserHash;

    @Column(name = "organisation_id", nullable = false, length = 36)
    private String organisationId;

    @Column(nullable = false, length = 64)
    private String nonce;

    @Column(name = "code_verifier", nullable = false, length = 128)
    private String codeVerifier;

    @Column(name = "return_to", length = 500)
    private String returnTo;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    protected OrganisationSignInAttempt() {
        // for JPA
    }

    OrganisationSignInAttempt(String stateHash, String browserHash, String organisationId, String nonce,
                              String codeVerifier, String returnTo, Instant startedAt) {
        this.stateHash = stateHash;
        this.browserHash = browserHash;
        this.organisationId = organisationId;
        this.nonce = nonce;
        this.codeVerifier = codeVerifier;
        this.returnTo = returnTo;
        this.startedAt = startedAt;
    }

    boolean isLiveAt(Instant now) {
        return now.isBefore(startedAt.plus(VALIDITY));
    }

    String stateHash() {
        return stateHash;
    }

    String browserHash() {
        return browserHash;
    }

    String organisationId() {
        return organisationId;
    }

    String nonce() {
        return nonce;
    }

    String codeVerifier() {
        return codeVerifier;
    }

    String returnTo() {
        return returnTo;
    }

    @Override
    public String toString() {
        return "OrganisationSignInAttempt[" + organisationId + "]";
    }
}
