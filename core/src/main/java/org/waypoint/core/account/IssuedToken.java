package org.waypoint.core.account;

/** A token just created: the secret is here once and is never stored or shown again. */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token.id() + "]";
    }
}
