/** JPA implementation of the audit trail. */
package org.waypoint.core.audit.persistence;
