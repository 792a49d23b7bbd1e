package org.waypoint.core.account;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an entry point (a REST resource method). Every resource method carries
 * this or {@link Public}; the API enforces them. Waypoint's own annotations rather than
 * {@code @RolesAllowed}, which Payara turns into container security with an HTTP Basic challenge.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allowed {

    Role[] value();
}
