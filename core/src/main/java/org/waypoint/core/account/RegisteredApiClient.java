package org.waypoint.core.account;

/** An API client just registered: the secret is here once and is never stored or shown again. */
public record RegisteredApiClient(ApiClientAccount client, String secret) {

    @Override
    public String toString() {
        return "RegisteredApiClient[" + client.id() + "]";
    }
}
