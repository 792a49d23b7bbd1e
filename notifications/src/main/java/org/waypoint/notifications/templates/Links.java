package org.waypoint.notifications.templates;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Links in e-mails, built from the configured public address ({@code waypoint.public-url}). A link
 * names a referral by its opaque id only; following it asks the reader to sign in.
 */
public final class Links {

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String base;

    public Links(URI publicUrl) {
        Objects.requireNonNull(publicUrl, "the public address is required");
        String scheme = publicUrl.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("the public address is an http or https URL");
        }
        this.base = publicUrl.toString().replaceAll("/+$", "");
    }

    public URI referral(String referralId) {
        if (!ID.matcher(referralId).matches()) {
            throw new IllegalArgumentException("a referral id is a UUID");
        }
        return URI.create(base + "/referrals/" + referralId);
    }

    /**
     * The link in a password reset e-mail, the one place its address is made. The token may stand in
     * the address because it works once, for 30 minutes, and is kept only hashed; the page takes it
     * out of the address at once.
     */
    public URI passwordReset(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("a reset token is 43 characters of base64url");
        }
        return URI.create(base + "/reset-password?token=" + token);
    }

    /** The host of the public address, which also names the outbox's Message-IDs. */
    public String host() {
        return URI.create(base).getHost();
    }
}
