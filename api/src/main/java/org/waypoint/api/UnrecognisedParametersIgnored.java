package org.waypoint.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation whose standard says a parameter it does not recognise is ignored, not refused — the
 * OAuth token endpoint (RFC 6749 §3.2) — so {@link QueryParameters} lets such parameters through.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UnrecognisedParametersIgnored {
}
