package org.waypoint.core.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.waypoint.core.shared.InvalidField;

/**
 * An organisation's own OpenID Connect provider, through which its staff sign in instead of with a
 * password (docs/adr/0022-organisations-sign-in-with-openid-connect.md): the issuer (whose discovery
 * document names everything else), the client id Waypoint is registered under, the name of the
 * environment variable or configuration property holding the client secret (never the secret), and
 * the ID token claim carrying the e-mail address. An issuer is {@code https}, or {@code http} on this
 * machine's loopback only (a provider run beside the server for tests and development).
 */
@Entity
@Table(name = "organisation_identity_provider")
public class IdentityProvider {

    /** The claim read for the e-mail address unless the administrator names another. */
    public static final String DEFAULT_EMAIL_CLAIM = "email";

    static final int MAX_ISSUER = 500;
    static final int MAX_CLIENT_ID = 200;
    static final int MAX_NAME = 100;

    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
    private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_:.\\-/]+");
    private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7E]+");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    @Id
    @Column(name = "organisation_id", length = 36)
    private String organisationId;

    @Column(nullable = false, length = MAX_ISSUER)
    private String issuer;

    @Column(name = "client_id", nullable = false, length = MAX_CLIENT_ID)
    private String clientId;

    @Column(name = "secret_name", nullable = false, length = MAX_NAME)
    private String secretName;

    @Column(name = "email_claim", nullable = false, length = MAX_NAME)
    private String emailClaim;

    @Version
    private long version;

    protected IdentityProvider() {
        // for JPA
    }

    public IdentityProvider(String organisationId, String issuer, String clientId, String secretName, String emailClaim) {
        this.organisationId = InvalidField.required(organisationId, "organisation", "error.field.required", "an organisation is required");
        change(issuer, clientId, secretName, emailClaim);
    }

    /** Replaces the settings, each checked as when first set. */
    public final void change(String newIssuer, String newClientId, String newSecretName, String newEmailClaim) {
        this.issuer = requireIssuer(newIssuer);
        this.clientId = require(newClientId, "clientId", MAX_CLIENT_ID, CLIENT_ID, "error.identityProvider.clientId");
        this.secretName = require(newSecretName, "secretName", MAX_NAME, SECRET_NAME, "error.identityProvider.secretName");
        this.emailClaim = newEmailClaim == null || newEmailClaim.isBlank()
                ? DEFAULT_EMAIL_CLAIM : require(newEmailClaim, "emailClaim", MAX_NAME, CLAIM, "error.identityProvider.emailClaim");
    }

    static String requireIssuer(String candidate) {
        String issuer = require(candidate, "issuer", MAX_ISSUER, CLIENT_ID, "error.identityProvider.issuer");
        try {
            URI uri = new URI(issuer);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean https = scheme.equals("https");
            boolean loopback = scheme.equals("http") && LOOPBACK.contains(host);
            if (host.isEmpty() || !(https || loopback) || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw new InvalidField("issuer", "error.identityProvider.issuer",
                        "the issuer is an https address without query or fragment");
            }
        } catch (URISyntaxException malformed) {
            throw new InvalidField("issuer", "error.identityProvider.issuer",
                    "the issuer is an https address without query or fragment");
        }
        return issuer;
    }

    private static String require(String value, String field, int longest, Pattern shape, String key) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "error.field.required", field + " is required");
        }
        String stripped = value.strip();
        if (stripped.length() > longest) {
            throw new InvalidField(field, "error.field.tooLong", field + " is longer than " + longest + " characters", longest);
        }
        if (!shape.matcher(stripped).matches()) {
            throw new InvalidField(field, key, field + " has characters it may not have");
        }
        return stripped;
    }

    public String organisationId() {
        return organisationId;
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    /** The name of the environment variable or configuration property that holds the client secret. */
    public String secretName() {
        return secretName;
    }

    public String emailClaim() {
        return emailClaim;
    }

    @Override
    public String toString() {
        return "IdentityProvider[" + organisationId + "]";
    }
}
