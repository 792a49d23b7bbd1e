/** The database at the edge: the data source, the schema migrations and the readiness check. */
package org.waypoint.core.shared.persistence;
