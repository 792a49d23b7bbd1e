package org.waypoint.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.waypoint.core.account.Role;

/**
 * The roles that may call a resource method. Every resource method carries this or {@link Public}.
 * Waypoint's own annotations rather than {@code @RolesAllowed}, which Payara turns into container
 * security with an HTTP Basic challenge.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allowed {

    Role[] value();
}
