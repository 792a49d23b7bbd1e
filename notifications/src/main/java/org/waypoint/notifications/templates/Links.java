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

    /** The host of the public address, which also names the outbox's Message-IDs. */
    public String host() {
        return URI.create(base).getHost();
    }
}
