package org.waypoint.core.account;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API client may do, each scope a part of the API; the client's role (caseworker or service
 * staff) still decides what it may do within it. An operation that declares no scope is refused to
 * every API client.
 */
public enum ApiScope {
    /** Read referrals, their timelines and messages. */
    REFERRALS_READ("referrals:read"),
    /** Draft, consent, submit, act on and message referrals. */
    REFERRALS_WRITE("referrals:write"),
    /** Read the people the organisation recorded, and look for duplicates. */
    CLIENTS_READ("clients:read"),
    /** Record and change people, and withdraw their consent. */
    CLIENTS_WRITE("clients:write"),
    /** Match services and read organisations. */
    DIRECTORY_READ("directory:read"),
    /** Keep the organisation's own services' capacity. */
    DIRECTORY_WRITE("directory:write"),
    /** Subscribe URLs to referral events. */
    WEBHOOKS_MANAGE("webhooks:manage"),
    /** Read the event feed. */
    EVENTS_READ("events:read");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    /** The scope as OAuth spells it, e.g. {@code referrals:read}. */
    public String value() {
        return value;
    }

    public static Optional<ApiScope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }

    /** Scopes from OAuth's space-separated list; empty when any of them is unknown. */
    public static Optional<Set<ApiScope>> parseList(String list) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String value : list.strip().split(" +")) {
            if (value.isEmpty()) {
                continue;
            }
            Optional<ApiScope> scope = of(value);
            if (scope.isEmpty()) {
                return Optional.empty();
            }
            scopes.add(scope.get());
        }
        return Optional.of(scopes);
    }

    /** The scopes as OAuth's space-separated list, in a stable order. */
    public static String list(Collection<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::value).collect(Collectors.joining(" "));
    }
}
