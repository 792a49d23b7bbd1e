/** JPA implementation of the idempotency records. */
package org.waypoint.core.idempotency.persistence;
