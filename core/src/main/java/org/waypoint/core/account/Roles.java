package org.waypoint.core.account;

/**
 * The {@link Role}s' names as constants, for {@code @RolesAllowed} on entry points: an annotation takes
 * only constants, and a misspelt role there would refuse everyone in silence ({@code RolesTest} keeps
 * them equal to the enum's names).
 */
public final class Roles {

    public static final String CASEWORKER = "CASEWORKER";
    public static final String SERVICE_STAFF = "SERVICE_STAFF";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
