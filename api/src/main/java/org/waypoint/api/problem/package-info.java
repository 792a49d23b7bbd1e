/** Errors as application/problem+json (RFC 9457), mapped in one place. */
package org.waypoint.api.problem;
