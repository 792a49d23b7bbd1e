/** Retention's storage: the due people found and anonymised in set-based SQL, and the legal holds. */
package org.waypoint.core.retention.persistence;
