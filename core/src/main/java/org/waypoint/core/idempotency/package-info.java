/** Idempotency keys: a repeated request returns the first one's result and changes nothing, on any instance. */
package org.waypoint.core.idempotency;
