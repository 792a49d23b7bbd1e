/** The reports' aggregate queries, in SQL both databases understand. */
package org.waypoint.core.report.persistence;
