/** The outbox and the overdue notices in the database, claimed with leases that work on Derby and PostgreSQL. */
package org.waypoint.notifications.outbox.persistence;
