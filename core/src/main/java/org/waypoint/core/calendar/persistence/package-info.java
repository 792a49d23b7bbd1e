/** JPA implementation of the bank holiday repository. */
package org.waypoint.core.calendar.persistence;
